import Postgres
import Taaktoedeling

/// A stored value that the database's own checks should have made impossible (a server error).
public struct UnreadableStoredValue: Error, CustomStringConvertible {
    public let column: String

    public var description: String { "unreadable stored value in column \(column)" }
}

extension PostgresRow {
    /// The capacity in the columns `rol` and `koepel` (of a token or an account), which the
    /// database's checks keep together.
    func hoedanigheid() throws -> Hoedanigheid {
        guard let rol = Rol(rawValue: try string("rol")) else { throw UnreadableStoredValue(column: "rol") }
        let koepel = try optionalString("koepel").map { tekst in
            guard let koepel = Koepel(rawValue: tekst) else { throw UnreadableStoredValue(column: "koepel") }
            return koepel
        }
        guard let hoedanigheid = Hoedanigheid(rol: rol, koepel: koepel) else { throw UnreadableStoredValue(column: "koepel") }
        return hoedanigheid
    }
}
