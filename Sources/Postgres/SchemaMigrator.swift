import Foundation
import Logging

/// Applies the numbered SQL files of a schema directory (`0001_name.sql`, …) in order, each in its
/// own transaction, and records each file's name and SHA-256 checksum in `schema_migrations`.
/// Re-applying is a no-op; a changed applied file or a migration the directory does not know is
/// refused with an error naming it. Concurrent migrators serialise on an advisory lock.
public struct SchemaMigrator: Sendable {
    /// The directory holding the migration files.
    public let directory: URL
    private let logger: Logger

    private static let advisoryLockKey: Int64 = 0x746f_6564_656c_696e
    private static let createBookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name text PRIMARY KEY,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// A migrator for the files in `directory`.
    public init(directory: URL, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// The migration files in the order they are applied.
    public func migrations() throws -> [SchemaMigration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SchemaMigrationError.unreadableDirectory(path: directory.path)
        }
        return try names.filter(SchemaMigration.isMigrationFileName).sorted().map { name in
            guard let sql = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                throw SchemaMigrationError.unreadableDirectory(path: directory.appendingPathComponent(name).path)
            }
            return SchemaMigration(name: name, sql: sql)
        }
    }

    // MARK: Status

    /// Compares the database with the files, changing nothing.
    public func status(on connection: PostgresConnection) throws -> SchemaMigrationStatus {
        let files = try migrations()
        let recorded = try recordedChecksums(on: connection)
        var applied: [String] = []
        var pending: [String] = []
        var changed: [String] = []
        for file in files {
            guard let checksum = recorded[file.name] else {
                pending.append(file.name)
                continue
            }
            if try self.checksum(of: file, on: connection) == checksum { applied.append(file.name) } else { changed.append(file.name) }
        }
        let known = Set(files.map(\.name))
        let unknown = recorded.keys.filter { !known.contains($0) }.sorted()
        return SchemaMigrationStatus(applied: applied, pending: pending, unknown: unknown, changed: changed)
    }

    /// Compares the database with the files on a pool connection, changing nothing.
    public func status(pool: PostgresConnectionPool) async throws -> SchemaMigrationStatus {
        try await pool.withConnection { connection in try self.status(on: connection) }
    }

    // MARK: Migrating

    /// Applies the pending files in order, each in its own transaction, and returns their names.
    /// Refuses (before applying anything) when an applied file changed or the database has
    /// migrations the directory does not know.
    @discardableResult
    public func migrate(on connection: PostgresConnection) throws -> [String] {
        try connection.transaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.advisoryLockKey)])
            try connection.executeScript(Self.createBookkeeping)
        }
        var appliedNow: [String] = []
        for file in try migrations() {
            let wasApplied = try connection.transaction { connection -> Bool in
                try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.advisoryLockKey)])
                let status = try status(on: connection)
                if let changed = status.changed.first { throw SchemaMigrationError.checksumChanged(file: changed) }
                if !status.unknown.isEmpty { throw SchemaMigrationError.unknownMigrations(status.unknown) }
                guard status.pending.contains(file.name) else { return false }
                do {
                    try connection.executeScript(file.sql)
                } catch let error as PostgresError {
                    throw SchemaMigrationError.migrationFailed(file: file.name, error: error)
                }
                try connection.execute(
                    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, encode(sha256($2), 'hex'))",
                    [.text(file.name), .bytea(Data(file.sql.utf8))]
                )
                return true
            }
            if wasApplied {
                logger.info("applied migration", metadata: ["migration.file": "\(file.name)"])
                appliedNow.append(file.name)
            }
        }
        return appliedNow
    }

    /// Applies the pending files on a pool connection; see `migrate(on:)`.
    @discardableResult
    public func migrate(pool: PostgresConnectionPool) async throws -> [String] {
        try await pool.withConnection { connection in try self.migrate(on: connection) }
    }

    // MARK: Checksums

    private func recordedChecksums(on connection: PostgresConnection) throws -> [String: String] {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try exists[0].bool("present") else { return [:] }
        var checksums: [String: String] = [:]
        for row in try connection.query("SELECT name, checksum FROM schema_migrations") {
            checksums[try row.string("name")] = try row.string("checksum")
        }
        return checksums
    }

    /// The SHA-256 of the file's UTF-8 bytes in lowercase hex, computed by the database.
    private func checksum(of file: SchemaMigration, on connection: PostgresConnection) throws -> String {
        try connection.query("SELECT encode(sha256($1), 'hex') AS checksum", [.bytea(Data(file.sql.utf8))])[0].string("checksum")
    }
}
