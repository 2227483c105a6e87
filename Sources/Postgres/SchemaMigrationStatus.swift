/// How a database's applied migrations compare with the migration files of this binary.
public struct SchemaMigrationStatus: Sendable, Equatable {
    /// Files applied to the database with an unchanged checksum, in order.
    public let applied: [String]
    /// Files not yet applied, in the order they would be applied.
    public let pending: [String]
    /// Migrations recorded in the database that no file here knows (the database is newer).
    public let unknown: [String]
    /// Applied files whose content (checksum) has changed since they were applied.
    public let changed: [String]

    /// True when everything is applied and nothing is unknown or changed: safe to serve.
    public var isUpToDate: Bool { pending.isEmpty && unknown.isEmpty && changed.isEmpty }

    /// Throws the first problem (changed, unknown, pending) that stops a server from starting.
    public func requireUpToDate() throws {
        if let file = changed.first { throw SchemaMigrationError.checksumChanged(file: file) }
        if !unknown.isEmpty { throw SchemaMigrationError.unknownMigrations(unknown) }
        if !pending.isEmpty { throw SchemaMigrationError.pendingMigrations(pending) }
    }
}
