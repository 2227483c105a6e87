import Dossiers
import EventStore
import Logging
import Postgres

/// A scratch database with a pool, an event store and a dossier service over it: what the tests
/// of the application and of the CLI run against. The pool is closed and the database dropped when
/// the test is done.
public struct ServiceDatabase: Sendable {
    /// The database.
    public let scratch: ScratchDatabase
    /// The connection URL of the database.
    public var url: String { scratch.url }
    /// The pool over it.
    public let pool: PostgresConnectionPool
    /// The event store on the pool.
    public let store: EventStore
    /// The dossier service on the store.
    public let service: DossierService

    /// Creates the database (migrated unless `migrated` is false), runs `body` with it, closes the
    /// pool and drops the database; `clock`, when given, is the service's clock.
    public static func with<T>(
        prefix: String = "test", migrated: Bool = true, maximumConnections: Int = 8, clock: TestClock? = nil,
        logger: Logger = Logger(label: "test"), _ body: (ServiceDatabase) async throws -> T
    ) async throws -> T {
        try await ScratchDatabase.with(prefix: prefix, migrations: migrated ? .all : .none) { scratch in
            let pool = PostgresConnectionPool(connectionString: scratch.url, maximumConnections: maximumConnections, logger: logger)
            let store = EventStore(pool: pool, logger: logger)
            let database = ServiceDatabase(
                scratch: scratch, pool: pool, store: store, service: DossierService(store: store, pool: pool, logger: logger, clock: clock?.reading)
            )
            do {
                let value = try await body(database)
                await pool.close()
                return value
            } catch {
                await pool.close()
                throw error
            }
        }
    }
}
