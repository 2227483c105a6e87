import Foundation
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
    /// The most connections that send queued reads (`read`) at once.
    public let maximumReaders: Int
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
    /// Queued reads are sent by at most `maximumReaders` connections at once (by default one per two
    /// cores, at most a fifth of the connections, at least one).
    public init(
        connectionString: String, maximumConnections: Int = 10, maximumReaders: Int? = nil, limits: PostgresLimits? = nil, logger: Logger
    ) {
        let maximumConnections = max(1, maximumConnections)
        self.maximumReaders = min(maximumConnections, max(1, maximumReaders ?? Self.defaultReaders(maximumConnections: maximumConnections)))
        self.connectionString = connectionString
        self.limits = limits ?? .unbounded
        self.connectionLimits = limits
        self.maximumConnections = maximumConnections
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: maximumConnections)
        threadPool.start()
        state = Mutex(ConnectionPoolState(maximumConnections: maximumConnections))
    }

    /// One reader per two cores: a reader keeps its PostgreSQL backend busy on one core while the
    /// server's threads use the other. Measured on two cores (`scripts/bench compare`, GETs of a
    /// dossier): one reader 10,743–10,855 GETs/s at 0.116 ms of server CPU each, two 8,438–10,450 at
    /// 0.122–0.155 ms, four 8,621–9,341 at 0.141–0.153 ms (fewer readers, larger batches).
    static func defaultReaders(maximumConnections: Int) -> Int {
        max(1, min(maximumConnections / 5, ProcessInfo.processInfo.activeProcessorCount / 2))
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

    /// Runs one statement that reads (outside a transaction, on the primary as every call of this
    /// pool) and hands its rows to `transform` on a pool thread; `transform`'s value is the answer.
    ///
    /// Reads from many callers at once share a connection: a reader takes the queued reads in
    /// batches and sends each batch in one round trip (`PostgresConnection.independentQueries`), each
    /// read its own transaction taken after it was queued, with its own error. So a read sees every
    /// commit that finished before it was called, as with `withConnection`, while the server's and
    /// PostgreSQL's hand-offs are shared by the batch. At most `maximumReaders` connections read at
    /// once; a reader gives its connection up between batches to a caller waiting for one.
    public func read<T: Sendable>(
        _ sql: String, _ parameters: [PostgresValue] = [], _ transform: @escaping @Sendable (PostgresRows) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(PendingRead(sql: sql, parameters: parameters) { outcome in
                continuation.resume(with: Result { try transform(outcome.get()) })
            })
        }
    }

    /// At most this many queued reads go in one round trip.
    static let readBatchLimit = 32

    /// Queues a read and starts a reader when fewer than `maximumReaders` run.
    private func enqueue(_ read: PendingRead) {
        enum Next { case closed, queued, start(ConnectionPoolState.Lease?) }
        let next: Next = state.withLock { state in
            if state.isClosed { return .closed }
            state.reads.append(read)
            guard state.readers < maximumReaders else { return .queued }
            state.readers += 1
            return .start(state.leaseIfAvailable())
        }
        switch next {
        case .closed: read.complete(.failure(PostgresError(code: .poolClosed)))
        case .queued: break
        case .start(let lease?): startReader(with: lease)
        case .start(nil): startReaderAfterWaiting()
        }
    }

    /// A reader that waits in line for a connection like any caller (at most `limits.poolWait`).
    private func startReaderAfterWaiting() {
        Task {
            do {
                startReader(with: try await nextLease())
            } catch {
                readerFailed(error)
            }
        }
    }

    /// A reader on a pool thread with `lease`: sends the queued reads in batches until none are left.
    private func startReader(with lease: ConnectionPoolState.Lease) {
        threadPool.submit { workState in
            guard case .active = workState else {
                self.giveBack(lease)
                self.readerFailed(PostgresError(code: .poolClosed))
                return
            }
            let connection: PostgresConnection
            do {
                connection = try self.readerConnection(lease)
            } catch {
                self.readerFailed(error)
                return
            }
            self.runReader(on: connection)
        }
    }

    /// The connection of `lease`, opened or checked after idling (a dead one replaced in its slot).
    private func readerConnection(_ lease: ConnectionPoolState.Lease) throws -> PostgresConnection {
        if case .connection(let connection) = lease {
            if connection.isAliveAfterIdle() { return connection }
            logger.info("discarding a broken PostgreSQL connection")
        }
        do {
            return try PostgresConnection(connectionString: connectionString, limits: connectionLimits)
        } catch {
            logger.warning("could not open a PostgreSQL connection", metadata: ["error": "\(error)"])
            giveBack(nil)
            throw error
        }
    }

    /// Batches of queued reads on `connection` until the queue is empty (the connection then goes
    /// back), the connection broke (another reader takes over), or a caller waits for a connection
    /// (it gets this one, and the reader waits in line for the next).
    private func runReader(on connection: PostgresConnection) {
        enum Next {
            case batch([PendingRead])
            /// The queue is empty: the reader has stopped, its connection back (maybe to a waiter).
            case finished((ConnectionPoolState.Waiter, ConnectionPoolState.Lease)?)
            /// A caller waits for a connection: it gets this one, the reader waits in line.
            case yield(ConnectionPoolState.Waiter)
        }
        var batch = state.withLock { $0.takeReads(limit: Self.readBatchLimit) }
        while true {
            if !batch.isEmpty {
                let outcomes = connection.independentQueries(batch.map { ($0.sql, $0.parameters) })
                for (read, outcome) in zip(batch, outcomes) { read.complete(outcome) }
                guard connection.isHealthy, !connection.isInTransaction else {
                    logger.info("discarding a PostgreSQL connection", metadata: ["postgres.connection.lost": "true"])
                    giveBack(nil)
                    readerFailed(PostgresError(code: .connectionLost))
                    return
                }
            }
            let next: Next = state.withLock { state in
                if state.reads.isEmpty || state.isClosed {
                    state.readers -= 1
                    return .finished(state.returnLease(keeping: connection))
                }
                if !state.waiters.isEmpty { return .yield(state.waiters.removeFirst()) }
                return .batch(state.takeReads(limit: Self.readBatchLimit))
            }
            switch next {
            case .batch(let reads):
                batch = reads
            case .finished(let handOver):
                if let (waiter, lease) = handOver { waiter.continuation.resume(returning: lease) }
                return
            case .yield(let waiter):
                waiter.continuation.resume(returning: .connection(connection))
                startReaderAfterWaiting()
                return
            }
        }
    }

    /// A reader stopped without a connection: it could not get or open one (`error`), or its own
    /// broke (`.connectionLost`). Another reader starts for the queued reads after a lost
    /// connection; otherwise they fail with `error` unless another reader is left to take them.
    private func readerFailed(_ error: any Error) {
        enum Next { case fail([PendingRead]), restart(ConnectionPoolState.Lease?), nothing }
        let lost = (error as? PostgresError)?.code == .connectionLost
        let next: Next = state.withLock { state in
            state.readers -= 1
            guard !state.reads.isEmpty else { return .nothing }
            if lost, !state.isClosed {
                guard state.readers < maximumReaders else { return .nothing }
                state.readers += 1
                return .restart(state.leaseIfAvailable())
            }
            guard state.readers == 0 || state.isClosed else { return .nothing }
            defer { state.reads = [] }
            return .fail(state.reads)
        }
        switch next {
        case .fail(let reads): for read in reads { read.complete(.failure(error)) }
        case .restart(let lease?): startReader(with: lease)
        case .restart(nil): startReaderAfterWaiting()
        case .nothing: break
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
        let (idle, waiters, reads) = state.withLock { state in
            state.isClosed = true
            let reads = state.reads
            state.reads = []
            let idle = state.idle
            state.open -= idle.count
            state.idle = []
            let waiters = state.waiters
            state.waiters = []
            return (idle, waiters, reads)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: PostgresError(code: .poolClosed)) }
        for read in reads { read.complete(.failure(PostgresError(code: .poolClosed))) }
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
