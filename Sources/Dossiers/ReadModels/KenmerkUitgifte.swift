import Foundation
import Postgres
import Taaktoedeling

/// Draws the next kenmerk of a year inside the caller's transaction, so numbers have no gaps: a
/// rolled-back opening returns its number.
enum KenmerkUitgifte {
    static func volgende(in jaar: Int, on connection: PostgresConnection) throws -> Kenmerk {
        let row = try connection.query(
            """
            INSERT INTO kenmerk_tellers (jaar, laatste) VALUES ($1, 1)
            ON CONFLICT (jaar) DO UPDATE SET laatste = kenmerk_tellers.laatste + 1
            RETURNING laatste
            """,
            [.int(Int64(jaar))]
        ).first
        guard let volgnummer = try row?.int("laatste"), let kenmerk = Kenmerk(jaar: jaar, volgnummer: volgnummer) else {
            throw KenmerkError.reeksUitgeput(jaar: jaar)
        }
        return kenmerk
    }
}

/// A kenmerk could not be drawn.
public enum KenmerkError: Error, Sendable, Equatable {
    /// The year's numbers (four digits) are used up.
    case reeksUitgeput(jaar: Int)
}
