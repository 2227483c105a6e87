import Foundation
import Logging
import Postgres
import ToedelingTestSupport

/// A fresh, fully migrated database of its own (see `ScratchDatabase`), dropped again when the
/// test is done.
public struct TestDatabase: Sendable {
    public let scratch: ScratchDatabase
    /// The connection URL of the fresh database.
    public var url: String { scratch.url }

    /// The server's maintenance database, to create further databases from.
    public static var serverURL: String {
        get throws { try ScratchDatabase.serverURL }
    }

    public static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ScratchDatabase.with(prefix: "api") { scratch in try await body(TestDatabase(scratch: scratch)) }
    }

    public func connect() throws -> PostgresConnection {
        try scratch.connect()
    }

    /// How many rows `table` has (to prove that a refused request wrote nothing).
    public func count(_ table: String) throws -> Int {
        try connect().query("SELECT count(*) AS n FROM \(table)").first!.int("n")
    }
}
