import Logging
import EventStore
import Postgres

/// The database connection pool both front ends and the CLI work through.
public typealias DatabasePool = PostgresConnectionPool
/// The bounds on every database wait of a pool.
public typealias DatabaseLimits = PostgresLimits
/// The probe `/health` asks, on a connection and thread of its own.
public typealias DatabaseHealthProbe = PostgresHealthProbe

/// Whether the database is ready for this version of the program.
public enum DatabaseReadiness: Sendable, Equatable {
    /// Every migration of this version is applied, and no other.
    case ready
    /// No schema directory with migrations was found.
    case schemaDirectoryMissing
    /// The database cannot be reached (a generic reason, no server text).
    case unreachable(String)
    /// Migrations of this version are missing.
    case notMigrated(pending: [String])
    /// The database has migrations this version does not know.
    case newer(unknown: [String])
    /// An applied migration file has changed since.
    case changed(files: [String])

    /// Checks the database behind `pool` against the migrations this version ships (in
    /// `schemaDirectory`, else where `SchemaMigrator.locateSchemaDirectory` finds them).
    public static func check(pool: DatabasePool, schemaDirectory: String?, logger: Logger) async throws -> DatabaseReadiness {
        guard let directory = SchemaMigrator.locateSchemaDirectory(configured: schemaDirectory) else { return .schemaDirectoryMissing }
        let status: SchemaMigrationStatus
        do {
            status = try await SchemaMigrator(directory: directory, logger: logger).status(pool: pool)
        } catch let error as PostgresError where error.isConnectionLoss {
            return .unreachable(error.description)
        }
        if !status.changed.isEmpty { return .changed(files: status.changed) }
        if !status.unknown.isEmpty { return .newer(unknown: status.unknown) }
        if !status.pending.isEmpty { return .notMigrated(pending: status.pending) }
        return .ready
    }
}

/// A stored event as front ends show it (the raw events of a dossier, the global feed).
public typealias StoredEvent = RecordedEvent
/// A place in the global feed, as the opaque `na`/`volgende` token of the API.
public typealias FeedPosition = FeedCursor
/// The feed followed live (Server-Sent Events): what the API needs of it. The notifications
/// module's `LiveFeed` is one (one LISTEN per instance, run as a service by the server).
public protocol LiveEventFeed: Sendable {
    /// A new follower, or nil once the feed has closed (the server is stopping).
    func follow() -> (any LiveEventFollower)?
}
/// One live reader of the feed.
public protocol LiveEventFollower: Sendable {
    /// Waits at most `timeout` for a commit; true when woken (new events may be there, or the feed closed).
    @discardableResult func wait(timeout: Duration) async -> Bool
    /// True once the feed closed: the reader should end.
    var isClosed: Bool { get }
    /// Stops following; call it when the reader ends.
    func stop()
}

extension PostgresLimits {
    /// The bounds the server runs with unless configured otherwise.
    public static let serverDefaults = PostgresLimits()
}
