import Crypto
import Foundation
import Postgres

/// The rows behind the web application's sessions: keyed by the SHA-256 of the key the session
/// middleware gives (which holds the session id of the cookie), so a copy of the table holds no
/// usable session id. An expired row is never read.
public struct SessionStore: Sendable {
    private let pool: PostgresConnectionPool

    /// Session rows over the pool.
    public init(pool: PostgresConnectionPool) {
        self.pool = pool
    }

    /// Writes (or with `nieuw` only creates) the session under `sleutel`, ending after `verlooptNa`
    /// (nil: never by itself); `gebruikerID` ties it to an account so blocking can end it.
    /// Returns false when `nieuw` and the key exists.
    @discardableResult
    public func zet(sleutel: String, waarde: Data, gebruikerID: UUID?, verlooptNa: Duration?, nieuw: Bool = false) async throws -> Bool {
        let hash = Self.hash(sleutel)
        let seconden = verlooptNa.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        return try await pool.withConnection { connection in
            try connection.execute(
                """
                INSERT INTO web_sessies (sleutel_hash, waarde, gebruiker_id, verloopt_op)
                VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $4::float8) END)
                ON CONFLICT (sleutel_hash) DO \(nieuw ? "NOTHING" : """
                UPDATE SET waarde = excluded.waarde, gebruiker_id = excluded.gebruiker_id,
                  verloopt_op = CASE WHEN $4::float8 IS NULL THEN web_sessies.verloopt_op ELSE excluded.verloopt_op END
                """)
                """,
                [.bytea(hash), .bytea(waarde), gebruikerID.map { .uuid($0) } ?? .null, seconden.map { .double($0) } ?? .null]
            ) == 1
        }
    }

    /// The session under `sleutel` and how long it has left; nil when there is none or it expired.
    public func lees(sleutel: String) async throws -> (waarde: Data, over: Duration?)? {
        let hash = Self.hash(sleutel)
        return try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT waarde, extract(epoch FROM verloopt_op - now())::float8 AS over FROM web_sessies
                WHERE sleutel_hash = $1 AND (verloopt_op IS NULL OR verloopt_op > now())
                """,
                [.bytea(hash)]
            ).first.map { row in
                let over = try row.isNull("over") ? nil : Duration.milliseconds(Int64(try row.double("over") * 1000))
                return (try row.data("waarde"), over)
            }
        }
    }

    /// Removes the session under `sleutel`.
    public func verwijder(sleutel: String) async throws {
        let hash = Self.hash(sleutel)
        try await pool.withConnection { connection in
            _ = try connection.execute("DELETE FROM web_sessies WHERE sleutel_hash = $1", [.bytea(hash)])
        }
    }

    /// How many sessions an account has that have not expired (for tests and the account page).
    public func aantal(van gebruikerID: UUID) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.query(
                "SELECT count(*) AS n FROM web_sessies WHERE gebruiker_id = $1 AND (verloopt_op IS NULL OR verloopt_op > now())",
                [.uuid(gebruikerID)]
            ).first?.int("n") ?? 0
        }
    }

    static func hash(_ sleutel: String) -> Data {
        Data(SHA256.hash(data: Data(sleutel.utf8)))
    }
}
