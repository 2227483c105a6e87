import Foundation
import Logging
import Postgres

/// A fresh, fully migrated database on the server named by `TOEDELING_TEST_DATABASE_URL` (or
/// `DATABASE_URL`), dropped again when the test is done.
struct TestDatabase {
    let url: String
    let name: String

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
        let name = "api_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(connectionString: serverURL)
        try admin.executeScript("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: try serverURL) else { throw MissingServer() }
        components.path = "/" + name
        let database = TestDatabase(url: components.string!, name: name)
        guard let schema = SchemaMigrator.locateSchemaDirectory() else { throw MissingServer() }
        try SchemaMigrator(directory: schema, logger: Logger(label: "test")).migrate(on: database.connect())
        return database
    }

    func drop() throws {
        let admin = try PostgresConnection(connectionString: Self.serverURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString: url)
    }

    /// How many rows `table` has (to prove that a refused request wrote nothing).
    func count(_ table: String) throws -> Int {
        try connect().query("SELECT count(*) AS n FROM \(table)").first!.int("n")
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "set TOEDELING_TEST_DATABASE_URL (scripts/with-pg does) and keep schema/ findable" }
    }
}
