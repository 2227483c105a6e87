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
    static func with<T>(migrated: Bool = true, _ body: (TestDatabase) async throws -> T) async throws -> T {
        let database = try create(migrated: migrated)
        do {
            let value = try await body(database)
            await database.pool.close()
            try database.drop()
            return value
        } catch {
            await database.pool.close()
            try? database.drop()
            throw error
        }
    }

    private static func create(migrated: Bool) throws -> TestDatabase {
        let scratch = try ScratchDatabase.create(prefix: "admin")
        if migrated {
            do { try scratch.migrate() } catch { try? scratch.drop(); throw error }
        }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let pool = PostgresConnectionPool(connectionString: scratch.url, maximumConnections: 4, logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        return TestDatabase(scratch: scratch, pool: pool, store: store, service: DossierService(store: store, pool: pool, logger: logger))
    }

    func drop() throws {
        try scratch.drop()
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
