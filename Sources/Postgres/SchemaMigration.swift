/// One numbered migration file (`NNNN_name.sql`).
public struct SchemaMigration: Sendable, Hashable {
    /// The file name, recorded in `schema_migrations`.
    public let name: String
    /// The SQL script.
    public let sql: String

    /// True for names of the form `NNNN_name.sql`.
    static func isMigrationFileName(_ name: String) -> Bool {
        let characters = Array(name)
        return characters.count > 9 && characters[0..<4].allSatisfy(\.isASCIIDigit) && characters[4] == "_" && name.hasSuffix(".sql")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
