import Foundation
import Logging
import Postgres

/// A database of its own for one test, with a random name, on the PostgreSQL server named by
/// `TOEDELING_TEST_DATABASE_URL` (or `DATABASE_URL`; `scripts/test` and `scripts/with-pg` set both).
public struct ScratchDatabase: Sendable {
    /// The connection URL of the database.
    public let url: String
    /// Its name on the server.
    public let name: String

    /// The URL of the server's maintenance database the scratch databases are created from.
    public static var serverURL: String {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            guard let url = environment["TOEDELING_TEST_DATABASE_URL"] ?? environment["DATABASE_URL"] else {
                throw MissingTestServer()
            }
            return url
        }
    }

    /// Which migrations a scratch database gets.
    public enum Migrations: Sendable {
        /// None: an empty database.
        case none
        /// Every migration of the project.
        case all
        /// Only the files whose name contains the text (a module's own).
        case onlyFilesContaining(String)
    }

    /// Creates a database, migrates it as asked, runs `body` with it and drops it afterwards, also
    /// when creating, migrating or `body` fails: the one create/migrate/drop of every test target.
    public static func with<T>(
        prefix: String = "test", migrations: Migrations = .all, _ body: (ScratchDatabase) async throws -> T
    ) async throws -> T {
        let scratch = try create(prefix: prefix)
        do {
            switch migrations {
            case .none: break
            case .all: try scratch.migrate()
            case .onlyFilesContaining(let filter): try scratch.migrate(onlyFilesContaining: filter)
            }
            let value = try await body(scratch)
            try scratch.drop()
            return value
        } catch {
            try? scratch.drop()
            throw error
        }
    }

    /// Creates an empty database named `<prefix>_<random>`.
    public static func create(prefix: String = "test") throws -> ScratchDatabase {
        let name = prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(connectionString: serverURL).executeScript("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: try serverURL) else { throw MissingTestServer() }
        components.path = "/" + name
        return ScratchDatabase(url: components.string!, name: name)
    }

    /// Applies the project's migrations (only the files whose name contains `filter`, when given).
    public func migrate(onlyFilesContaining filter: String? = nil) throws {
        guard var schema = SchemaMigrator.locateSchemaDirectory() else { throw MissingTestServer() }
        if let filter {
            let subset = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: subset, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: schema.path) where file.contains(filter) {
                try FileManager.default.copyItem(at: schema.appendingPathComponent(file), to: subset.appendingPathComponent(file))
            }
            schema = subset
        }
        try SchemaMigrator(directory: schema, logger: Logger(label: "test")).migrate(on: connect())
    }

    /// Drops the database, closing whatever is still connected to it.
    public func drop() throws {
        try PostgresConnection(connectionString: Self.serverURL).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// A new connection to the database.
    public func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString: url)
    }
}

/// The tests that need PostgreSQL were run without a server (or without a findable `schema/`).
public struct MissingTestServer: Error, CustomStringConvertible {
    /// Creates the error.
    public init() {}
    /// What to do about it.
    public var description: String { "set TOEDELING_TEST_DATABASE_URL (scripts/with-pg does) and keep schema/ findable" }
}
