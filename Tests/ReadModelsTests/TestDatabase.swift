import EventStore
import Foundation
import Logging
import Postgres
import ReadModels

/// A fresh, fully migrated database on the server named by `TOEDELING_TEST_DATABASE_URL` (or
/// `DATABASE_URL`), with a pool, store and service over it; dropped when the test is done.
struct TestDatabase {
    let url: String
    let name: String
    let pool: PostgresConnectionPool
    let store: EventStore
    let service: DossierService

    /// Creates the database, runs `body` with it, closes the pool and drops the database.
    static func with<T>(maximumConnections: Int = 8, _ body: (TestDatabase) async throws -> T) async throws -> T {
        let database = try create(maximumConnections: maximumConnections)
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

    static var serverURL: String {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            guard let url = environment["TOEDELING_TEST_DATABASE_URL"] ?? environment["DATABASE_URL"] else {
                throw MissingServer()
            }
            return url
        }
    }

    private static func create(maximumConnections: Int) throws -> TestDatabase {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(connectionString: serverURL)
        try admin.executeScript("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: try serverURL), let schema = SchemaMigrator.locateSchemaDirectory() else {
            throw MissingServer()
        }
        components.path = "/" + name
        let url = components.string!
        let logger = Logger(label: "test")
        try SchemaMigrator(directory: schema, logger: logger).migrate(on: PostgresConnection(connectionString: url))
        let pool = PostgresConnectionPool(connectionString: url, maximumConnections: maximumConnections, logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        return TestDatabase(url: url, name: name, pool: pool, store: store, service: DossierService(store: store, pool: pool, logger: logger))
    }

    func drop() throws {
        let admin = try PostgresConnection(connectionString: Self.serverURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Every row of a read-model table as text, in a stable order, to compare tables.
    func dump(_ table: String) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT t::text AS rij FROM \(table) t ORDER BY 1").map { try $0.string("rij") }
        }
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "set TOEDELING_TEST_DATABASE_URL (scripts/with-pg does) and keep schema/ findable" }
    }
}
