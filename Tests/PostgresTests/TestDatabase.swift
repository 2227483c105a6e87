import Foundation
import Logging
import Postgres

/// A fresh database with a random name on the server named by `TOEDELING_TEST_DATABASE_URL`
/// (or `DATABASE_URL`), dropped again when the test is done.
struct TestDatabase {
    /// The connection URL of the fresh database.
    let url: String
    let name: String

    /// Creates a database, runs `body` with it and drops it afterwards, also when `body` throws.
    static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let database = try create()
        do {
            let value = try await body(database)
            try database.drop()
            return value
        } catch {
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

    static func create() throws -> TestDatabase {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(connectionString: serverURL)
        try admin.executeScript("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: try serverURL) else { throw MissingServer() }
        components.path = "/" + name
        return TestDatabase(url: components.string!, name: name)
    }

    func drop() throws {
        let admin = try PostgresConnection(connectionString: Self.serverURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString: url)
    }

    func makePool(maximumConnections: Int = 4) -> PostgresConnectionPool {
        PostgresConnectionPool(connectionString: url, maximumConnections: maximumConnections, logger: Logger(label: "test"))
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "set TOEDELING_TEST_DATABASE_URL (scripts/with-pg does) to a PostgreSQL server URL" }
    }
}
