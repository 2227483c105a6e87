import EventStore
import Foundation
import Logging
import Postgres
import ToedelingTestSupport

/// A fresh database of its own with only the event store's migrations (so other modules' files
/// cannot break these tests), dropped again when the test is done.
struct TestDatabase {
    let scratch: ScratchDatabase
    /// The connection URL of the fresh database.
    var url: String { scratch.url }

    /// Creates a migrated database, runs `body` with it and drops it afterwards.
    static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ScratchDatabase.with(migrations: .onlyFilesContaining("event_store")) { scratch in
            try await body(TestDatabase(scratch: scratch))
        }
    }

    func connect() throws -> PostgresConnection {
        try scratch.connect()
    }

    func makePool(maximumConnections: Int = 8) -> PostgresConnectionPool {
        PostgresConnectionPool(connectionString: url, maximumConnections: maximumConnections, logger: Logger(label: "test"))
    }

    func makeStore(maximumConnections: Int = 8, notifiesOtherInstances: Bool = false) -> EventStore {
        EventStore(
            pool: makePool(maximumConnections: maximumConnections), logger: Logger(label: "test"),
            notifiesOtherInstances: notifiesOtherInstances
        )
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
