/// Why the server refuses to start; the description says what to do.
enum ServerStartupError: Error, Sendable, CustomStringConvertible {
    /// No schema directory with migrations was found.
    case schemaDirectoryMissing
    /// The database cannot be reached.
    case databaseUnreachable(String)
    /// The database lacks migrations.
    case databaseNotMigrated(pending: [String])
    /// The database has migrations this version does not know.
    case databaseNewer(unknown: [String])
    /// An applied migration file has changed since.
    case migrationChanged(files: [String])
    /// The OpenAPI document (`openapi.json`) was not found.
    case openAPIDocumentMissing
    /// The web application's templates or style sheet cannot be used.
    case webFiles(String)

    /// What is wrong and what to do about it.
    var description: String {
        switch self {
        case .schemaDirectoryMissing:
            "no schema directory with migrations found; set TOEDELING_SCHEMA_DIR to the schema/ directory"
        case .databaseUnreachable(let reason):
            "the database cannot be reached (\(reason)); check DATABASE_URL or the PG* variables"
        case .databaseNotMigrated(let pending):
            "the database is not migrated (missing: \(pending.joined(separator: ", "))); run `toedeling-admin migrate` first"
        case .databaseNewer(let unknown):
            "the database was migrated by a newer version (unknown: \(unknown.joined(separator: ", "))); run a server of that version or newer"
        case .openAPIDocumentMissing:
            "the OpenAPI document openapi.json was not found beside the executable or in <bin>/../share/toedeling; set TOEDELING_OPENAPI_FILE"
        case .webFiles(let reason):
            reason
        case .migrationChanged(let files):
            "applied migrations were changed afterwards (\(files.joined(separator: ", "))); restore those files from the release that applied them"
        }
    }
}
