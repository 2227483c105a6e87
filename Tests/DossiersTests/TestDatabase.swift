import EventStore
import Foundation
import Logging
import Postgres
import Dossiers
import ToedelingTestSupport

/// A fresh, fully migrated database of its own (see `ScratchDatabase`), with a pool, store and service over it; dropped when the test is done.
struct TestDatabase {
    let scratch: ScratchDatabase
    /// The connection URL of the database.
    var url: String { scratch.url }
    let pool: PostgresConnectionPool
    let store: EventStore
    let service: DossierService

    /// Creates the database, runs `body` with it, closes the pool and drops the database.
    static func with<T>(maximumConnections: Int = 8, _ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ScratchDatabase.with { scratch in
            let logger = Logger(label: "test")
            let pool = PostgresConnectionPool(connectionString: scratch.url, maximumConnections: maximumConnections, logger: logger)
            let store = EventStore(pool: pool, logger: logger)
            let database = TestDatabase(scratch: scratch, pool: pool, store: store, service: DossierService(store: store, pool: pool, logger: logger))
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

    /// Every row of a read-model table as text, in a stable order, to compare tables.
    func dump(_ table: String) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT t::text AS rij FROM \(table) t ORDER BY 1").map { try $0.string("rij") }
        }
    }
}
