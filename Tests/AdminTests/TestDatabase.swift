import EventStore
import Foundation
import Logging
import Postgres
import Dossiers
import ToedelingTestSupport

/// A fresh database of its own (see `ScratchDatabase`), migrated unless asked otherwise, with a pool, store and service over it; closed
/// and dropped when the test is done.
struct TestDatabase {
    let scratch: ScratchDatabase
    /// The connection URL of the database.
    var url: String { scratch.url }
    let pool: PostgresConnectionPool
    let store: EventStore
    let service: DossierService

    /// Creates the database, runs `body` with it, closes the pool and drops the database.
    static func with<T>(migrated: Bool = true, clock: TestClock? = nil, _ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ScratchDatabase.with(prefix: "admin", migrations: migrated ? .all : .none) { scratch in
            let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            let pool = PostgresConnectionPool(connectionString: scratch.url, maximumConnections: 4, logger: logger)
            let store = EventStore(pool: pool, logger: logger)
            let database = TestDatabase(
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

    /// The rows of a query, each as its text, to compare databases.
    func rows(_ sql: String) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT q::text AS row FROM (\(sql)) q").map { try $0.string("row") }
        }
    }

    /// Every stored event, all columns but the transaction id, in position order.
    func events() async throws -> [String] {
        try await rows(
            """
            SELECT position, stream_id, stream_type, version, event_id, type, schema_version, data::text, metadata::text,
                recorded_at, prev_hash, hash FROM events ORDER BY position
            """
        )
    }

    /// Every stream row's identity and head.
    func streams() async throws -> [String] {
        try await rows("SELECT stream_id, stream_type, version, head_hash FROM streams ORDER BY stream_id")
    }

    /// How many rows a table has.
    func count(_ table: String) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.query("SELECT count(*) AS n FROM \(table)")[0].int("n")
        }
    }
}
