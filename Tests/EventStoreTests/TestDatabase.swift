import EventStore
import Foundation
import Logging
import Postgres

/// A fresh database with the event store schema, on the server named by
/// `TOEDELING_TEST_DATABASE_URL` (or `DATABASE_URL`), dropped again when the test is done.
struct TestDatabase {
    let url: String
    let name: String

    /// Creates a migrated database, runs `body` with it and drops it afterwards.
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
        let database = TestDatabase(url: components.string!, name: name)
        try SchemaMigrator(directory: try eventStoreSchema(), logger: Logger(label: "test")).migrate(on: database.connect())
        return database
    }

    /// A directory holding only the event store's migrations, so other modules' files cannot
    /// break these tests.
    private static func eventStoreSchema() throws -> URL {
        guard let schema = SchemaMigrator.locateSchemaDirectory() else { throw MissingServer() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("event-store-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: schema.path) where file.contains("event_store") {
            try FileManager.default.copyItem(at: schema.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        return directory
    }

    func drop() throws {
        let admin = try PostgresConnection(connectionString: Self.serverURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString: url)
    }

    func makePool(maximumConnections: Int = 8) -> PostgresConnectionPool {
        PostgresConnectionPool(connectionString: url, maximumConnections: maximumConnections, logger: Logger(label: "test"))
    }

    func makeStore(maximumConnections: Int = 8, upcaster: (any EventUpcaster)? = nil) -> EventStore {
        EventStore(pool: makePool(maximumConnections: maximumConnections), logger: Logger(label: "test"), upcaster: upcaster)
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "set TOEDELING_TEST_DATABASE_URL (scripts/with-pg does) and keep schema/ findable" }
    }
}

/// A small event with a JSON payload.
func event(_ type: String = "Opened", _ payload: String = #"{"n": 1}"#, id: UUID = UUID(), schemaVersion: Int = 1) -> NewEvent {
    NewEvent(eventID: id, type: type, schemaVersion: schemaVersion, data: Data(payload.utf8), metadata: Data(#"{"actor": "test"}"#.utf8))
}

/// Reads the feed from `cursor` until `count` events have arrived (the horizon is cluster-wide,
/// so transactions of other tests can hold it back for a moment), then reads once more to show
/// nothing else follows.
func readFeed(_ store: EventStore, after cursor: FeedCursor?, expecting count: Int) async throws -> FeedPage {
    var events: [RecordedEvent] = []
    var next = cursor
    for _ in 0..<1000 where events.count < count {
        let page = try await store.readAll(after: next, limit: count - events.count)
        events += page.events
        next = page.cursor
        if page.events.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
    }
    return FeedPage(events: events, cursor: next)
}
