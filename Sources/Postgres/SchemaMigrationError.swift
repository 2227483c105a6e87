/// Why migrations cannot be applied or why a database is not fit to serve; each names the file(s).
public enum SchemaMigrationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The schema directory cannot be read.
    case unreadableDirectory(path: String)
    /// An applied migration file no longer has the checksum recorded when it was applied.
    case checksumChanged(file: String)
    /// The database has migrations this binary does not know (it was migrated by a newer version).
    case unknownMigrations([String])
    /// The database lacks these migrations.
    case pendingMigrations([String])
    /// Applying this file failed; nothing of it was kept. The `PostgresError` has the SQLSTATE.
    case migrationFailed(file: String, error: PostgresError)

    /// What is wrong and with which file, without SQL or server text.
    public var description: String {
        switch self {
        case .unreadableDirectory(let path):
            "schema directory \(path) cannot be read"
        case .checksumChanged(let file):
            "migration \(file) was changed after it was applied (checksum differs); restore the file or migrate to a new numbered file"
        case .unknownMigrations(let names):
            "the database has migrations this version does not know: \(names.joined(separator: ", "))"
        case .pendingMigrations(let names):
            "the database lacks migrations: \(names.joined(separator: ", "))"
        case .migrationFailed(let file, let error):
            "migration \(file) failed: \(error)"
        }
    }

    /// Two errors are equal when they are of the same kind about the same files.
    public static func == (lhs: SchemaMigrationError, rhs: SchemaMigrationError) -> Bool {
        lhs.description == rhs.description
    }
}
