import Foundation
import Logging
import Postgres
import ToedelingTestSupport

/// A fresh, empty database of its own (see `ScratchDatabase`), dropped again when the test is done.
struct TestDatabase {
    let scratch: ScratchDatabase
    /// The connection URL of the fresh database.
    var url: String { scratch.url }

    /// Creates a database, runs `body` with it and drops it afterwards, also when `body` throws.
    static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ScratchDatabase.with(migrations: .none) { scratch in try await body(TestDatabase(scratch: scratch)) }
    }

    func connect() throws -> PostgresConnection {
        try scratch.connect()
    }

    func makePool(maximumConnections: Int = 4, maximumReaders: Int? = nil) -> PostgresConnectionPool {
        PostgresConnectionPool(connectionString: url, maximumConnections: maximumConnections, maximumReaders: maximumReaders, logger: Logger(label: "test"))
    }
}
