import Foundation
import Postgres

/// The brake on guessing passwords: failed logins are counted per account (by the address typed, so
/// an unknown address is braked like a known one) and per client address. From the fifth failure in a
/// row each further try must wait 2^(failures − 5) seconds, at most 15 minutes. A count whose last
/// failure is over an hour old starts again.
enum LoginThrottle {
    static let vrijePogingen = 5
    static let langsteWachttijd = 900
    static let vergeetNa: TimeInterval = 3600

    static func sleutels(email: String, adres: String?) -> [String] {
        var sleutels = ["account:" + email.trimmingCharacters(in: .whitespaces).lowercased()]
        if let adres, !adres.isEmpty { sleutels.append("adres:" + adres) }
        return sleutels
    }

    /// The seconds still to wait for the strictest of the keys; nil when a try may be made now.
    static func wachttijd(_ sleutels: [String], nu: Date, pool: PostgresConnectionPool) async throws -> Int? {
        let rows = try await pool.withConnection { connection in
            try connection.query(
                "SELECT mislukt, laatste_op FROM inlog_pogingen WHERE sleutel = ANY(string_to_array($1, E'\\x1f'))",
                [.text(sleutels.joined(separator: "\u{1f}"))]
            ).map { (try $0.int("mislukt"), try $0.date("laatste_op")) }
        }
        let wachten = rows.compactMap { mislukt, laatste -> Int? in
            guard mislukt >= vrijePogingen, nu.timeIntervalSince(laatste) < vergeetNa else { return nil }
            let tot = laatste.addingTimeInterval(TimeInterval(vertraging(na: mislukt)))
            // The store keeps microseconds: a remainder below a millisecond is no wait.
            let over = Int((tot.timeIntervalSince(nu) - 0.001).rounded(.up))
            return over > 0 ? over : nil
        }
        return wachten.max()
    }

    /// The delay after `mislukt` failures in a row.
    static func vertraging(na mislukt: Int) -> Int {
        guard mislukt >= vrijePogingen else { return 0 }
        let macht = min(mislukt - vrijePogingen, 10)
        return min(1 << macht, langsteWachttijd)
    }

    static func mislukt(_ sleutels: [String], nu: Date, pool: PostgresConnectionPool) async throws {
        try await pool.withConnection { connection in
            for sleutel in sleutels {
                try connection.execute(
                    """
                    INSERT INTO inlog_pogingen (sleutel, mislukt, laatste_op) VALUES ($1, 1, $2)
                    ON CONFLICT (sleutel) DO UPDATE SET
                      mislukt = CASE WHEN inlog_pogingen.laatste_op < $2 - make_interval(secs => $3) THEN 1
                                     ELSE inlog_pogingen.mislukt + 1 END,
                      laatste_op = $2
                    """,
                    [.text(sleutel), .timestamp(nu), .double(vergeetNa)]
                )
            }
        }
    }

    /// A login succeeded: the account's count starts again (the address's only ages out, so one good
    /// account does not unlock guessing at others).
    static func gelukt(_ sleutels: [String], pool: PostgresConnectionPool) async throws {
        guard let account = sleutels.first else { return }
        try await pool.withConnection { connection in
            _ = try connection.execute("DELETE FROM inlog_pogingen WHERE sleutel = $1", [.text(account)])
        }
    }
}
