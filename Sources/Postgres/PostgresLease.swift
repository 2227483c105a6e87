import NIOPosix

/// One pool connection held by a caller across suspension points (see
/// `PostgresConnectionPool.withLease`): each `run` executes on a pool thread, one at a time.
public struct PostgresLease: Sendable {
    let connection: PostgresConnection
    let threadPool: NIOThreadPool

    /// Runs `body` with the leased connection on a pool thread and returns its result.
    @discardableResult
    public func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let connection = connection
        return try await threadPool.runIfActive { try body(connection) }
    }
}
