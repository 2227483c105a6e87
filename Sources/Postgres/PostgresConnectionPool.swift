import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// A bounded pool of `PostgresConnection`s, run as a swift-service-lifecycle `Service`.
///
/// Bodies run on the pool's own threads (a `NIOThreadPool` with one thread per connection), never
/// on Swift's cooperative pool, because libpq blocks. Callers wait in FIFO order for a free
/// connection. A connection that broke (bad status, a connection-loss error, a FATAL notice such
/// as after `pg_terminate_backend` or a server restart) is discarded and replaced lazily.
public final class PostgresConnectionPool: Service, Sendable {
    /// The most connections the pool opens at once.
    public let maximumConnections: Int
    private let connectionString: String
    /// The bounds every connection of the pool is opened with, and the wait limit for a free one.
    public let limits: PostgresLimits
    let logger: Logger
    private let threadPool: NIOThreadPool
    private let state: Mutex<ConnectionPoolState>
    private let connectionLimits: PostgresLimits?

    /// A pool for the libpq connection string or URI, opening at most `maximumConnections`
    /// connections on demand.
    /// Every connection is opened with `limits` (nil: libpq's and the server's defaults, no wait limit).
    public init(connectionString: String, maximumConnections: Int = 10, limits: PostgresLimits? = nil, logger: Logger) {
        let maximumConnections = max(1, maximumConnections)
        self.connectionString = connectionString
        self.limits = limits ?? .unbounded
        self.connectionLimits = limits
        self.maximumConnections = maximumConnections
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: maximumConnections)
        threadPool.start()
        state = Mutex(ConnectionPoolState(maximumConnections: maximumConnections))
    }

    /// The connection string, for a `PostgresHealthProbe` of the same database.
    var connectionStringForProbe: String { connectionString }

    // MARK: Metrics

    /// Connections currently handed out (or being opened for a caller).
    public var inUse: Int { state.withLock { $0.inUse } }
    /// Callers waiting for a connection.
    public var waiting: Int { state.withLock { $0.waiters.count } }
    /// Connections that are open or being opened.
    public var open: Int { state.withLock { $0.open } }

    // MARK: Using connections

    /// Runs `body` with a connection of its own on a pool thread and returns its result. The
    /// connection is discarded afterwards if it broke or was left inside a transaction.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let connection = try await leaseConnection()
        do {
            let value = try await threadPool.runIfActive { try body(connection) }
            giveBack(connection, brokenBy: nil)
            return value
        } catch {
            giveBack(connection, brokenBy: error)
            throw error
        }
    }

    /// Runs `body` with one pool connection held across its suspension points: for work that waits
    /// on something else between statements (an upload streaming in), in one transaction. Each
    /// `PostgresLease.run` runs on a pool thread. If `body` throws inside a transaction it is rolled
    /// back; a connection left in a transaction or broken is discarded.
    public func withLease<T: Sendable>(_ body: (PostgresLease) async throws -> T) async throws -> T {
        let connection = try await leaseConnection()
        let lease = PostgresLease(connection: connection, threadPool: threadPool)
        do {
            let value = try await body(lease)
            giveBack(connection, brokenBy: nil)
            return value
        } catch {
            if connection.isHealthy && connection.isInTransaction {
                _ = try? await threadPool.runIfActive { try connection.executeScript("ROLLBACK") }
            }
            giveBack(connection, brokenBy: error)
            throw error
        }
    }

    /// Runs `body` in a transaction on a pool connection: commit when it returns, rollback when it throws.
    @discardableResult
    public func withTransaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withConnection { connection in try connection.transaction(body) }
    }

    /// Opens a connection outside the pool's bound that the caller owns, e.g. for LISTEN.
    public func makeDedicatedConnection() async throws -> PostgresConnection {
        let connectionString = connectionString
        let limits = connectionLimits
        return try await threadPool.runIfActive { try PostgresConnection(connectionString: connectionString, limits: limits) }
    }

    // MARK: Service

    /// Keeps the pool open until graceful shutdown (or cancellation), then closes it.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    /// Closes idle connections, fails waiting callers with `.poolClosed`, closes connections in
    /// use as they come back, and stops the pool's threads once running bodies have finished.
    public func close() async {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            let idle = state.idle
            state.open -= idle.count
            state.idle = []
            let waiters = state.waiters
            state.waiters = []
            return (idle, waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: PostgresError(code: .poolClosed)) }
        logger.debug("closing PostgreSQL pool", metadata: ["postgres.pool.idle": "\(idle.count)"])
        try? await threadPool.shutdownGracefully()
        withExtendedLifetime(idle) {}
    }

    // MARK: Leasing

    private func leaseConnection() async throws -> PostgresConnection {
        while true {
            switch try await nextLease() {
            case .connection(let connection):
                if connection.isAliveAfterIdle() { return connection }
                logger.info("discarding a broken PostgreSQL connection")
                giveBack(nil)
            case .openNew:
                do {
                    let connectionString = connectionString
                    let limits = connectionLimits
                    return try await threadPool.runIfActive { try PostgresConnection(connectionString: connectionString, limits: limits) }
                } catch {
                    logger.warning("could not open a PostgreSQL connection", metadata: ["error": "\(error)"])
                    giveBack(nil)
                    throw error
                }
            }
        }
    }

    /// The next lease: at once when one is free, else after waiting in line, at most `limits.poolWait`
    /// (then `PostgresError.Code.poolTimeout`).
    private func nextLease() async throws -> ConnectionPoolState.Lease {
        let immediate: ConnectionPoolState.Lease? = try state.withLock { state in
            if state.isClosed { throw PostgresError(code: .poolClosed) }
            return state.leaseIfAvailable()
        }
        if let immediate { return immediate }
        guard let wait = limits.poolWait else { return try await waitForLease() }
        return try await withThrowingTaskGroup(of: ConnectionPoolState.Lease?.self) { group in
            group.addTask { try await self.waitForLease() }
            group.addTask {
                try await Task.sleep(for: wait)
                return nil
            }
            let first = await group.nextResult()
            group.cancelAll()
            // The loser still finishes: a lease that arrived anyway is handed back, not lost.
            var leftover: [ConnectionPoolState.Lease] = []
            while let other = await group.nextResult() {
                if case .success(let lease?) = other { leftover.append(lease) }
            }
            switch first {
            case .success(let lease?)?:
                for lease in leftover { giveBack(lease) }
                return lease
            case .failure(let error)?:
                for lease in leftover { giveBack(lease) }
                throw error
            case .success(nil)?, nil:
                if let lease = leftover.first { return lease }
                throw PostgresError(code: .poolTimeout)
            }
        }
    }

    private func giveBack(_ lease: ConnectionPoolState.Lease) {
        switch lease {
        case .connection(let connection): giveBack(connection)
        case .openNew: giveBack(nil)
        }
    }

    private func waitForLease() async throws -> ConnectionPoolState.Lease {
        let id = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate: Result<ConnectionPoolState.Lease, any Error>? = state.withLock { state in
                    if state.isClosed { return .failure(PostgresError(code: .poolClosed)) }
                    if let lease = state.leaseIfAvailable() { return .success(lease) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters.append((id, continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            state.withLock { $0.removeWaiter(id: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    private func giveBack(_ connection: PostgresConnection, brokenBy error: (any Error)?) {
        let lost = (error as? PostgresError)?.isConnectionLoss == true
        if lost || !connection.isHealthy || connection.isInTransaction {
            logger.info("discarding a PostgreSQL connection", metadata: ["postgres.connection.lost": "\(lost || !connection.isHealthy)"])
            giveBack(nil)
        } else {
            giveBack(connection)
        }
    }

    private func giveBack(_ connection: PostgresConnection?) {
        if let (waiter, lease) = state.withLock({ $0.returnLease(keeping: connection) }) {
            waiter.continuation.resume(returning: lease)
        }
    }
}
