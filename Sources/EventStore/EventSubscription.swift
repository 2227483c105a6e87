import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Synchronization

/// A durable reader of the global feed, run as a `Service`: hands each batch of newly committed
/// events to `handler` inside a transaction that also stores the subscription's checkpoint, so
/// work and checkpoint commit or roll back together. Wakes at once for appends in this process,
/// on NOTIFY for appends by other instances, and polls every `pollInterval` as a fallback. Only
/// one instance processes a given subscription at a time (an advisory lock per batch).
///
/// A handler that says it wrote nothing for a batch (`init(…idleCheckpointInterval:…)`) lets the
/// subscription skip storing its checkpoint for a while: the batch's transaction then writes
/// nothing and commits without a flush to disk, and the place reached is kept in memory until work
/// is written or the interval has passed. Nothing is skipped: after a restart, or on another
/// instance, the batches since the stored checkpoint are read again, and they gave no work.
///
/// A subscription for which a moment's delay does not matter (`minimumInterval`) looks at the feed
/// at most that often: under a steady stream of commits it reads them in batches instead of one
/// transaction per commit, which the commits would otherwise pay for in the database.
public final class EventSubscription: Service, Sendable {
    /// The subscription's name; its checkpoint is stored under it.
    public let name: String
    private let store: EventStore
    private let batchSize: Int
    private let pollInterval: Duration
    private let logger: Logger
    private let handler: @Sendable (PostgresConnection, [RecordedEvent]) throws -> Bool
    private let start: (@Sendable (PostgresConnection) throws -> FeedCursor?)?
    private let idleCheckpointInterval: Duration
    private let minimumInterval: Duration
    /// The place this instance reached past the stored checkpoint without work, and when it last stored one.
    private let progress = Mutex<(reached: FeedCursor?, storedAt: ContinuousClock.Instant?)>((nil, nil))

    /// A subscription named `name` on `store`; `handler` gets batches of at most `batchSize`
    /// events in feed order, on the connection and inside the transaction that stores the checkpoint.
    /// `start`, when given, says where a subscription without a checkpoint begins (nil: at the
    /// feed's beginning); that place is stored at once, so nothing after it is skipped.
    public convenience init(
        name: String,
        store: EventStore,
        batchSize: Int = 500,
        pollInterval: Duration = .seconds(2),
        logger: Logger,
        start: (@Sendable (PostgresConnection) throws -> FeedCursor?)? = nil,
        handler: @escaping @Sendable (PostgresConnection, [RecordedEvent]) throws -> Void
    ) {
        self.init(
            name: name, store: store, batchSize: batchSize, pollInterval: pollInterval, logger: logger, start: start,
            idleCheckpointInterval: .zero
        ) { connection, events in
            try handler(connection, events)
            return true
        }
    }

    /// A subscription whose `handler` returns whether it wrote anything for the batch; after a batch
    /// without work the checkpoint is stored only when it was last stored `idleCheckpointInterval`
    /// or longer ago (see the type's notes). Woken, it looks at the feed no sooner than
    /// `minimumInterval` after it last began to.
    public init(
        name: String,
        store: EventStore,
        batchSize: Int = 500,
        pollInterval: Duration = .seconds(2),
        logger: Logger,
        start: (@Sendable (PostgresConnection) throws -> FeedCursor?)? = nil,
        idleCheckpointInterval: Duration,
        minimumInterval: Duration = .zero,
        handler: @escaping @Sendable (PostgresConnection, [RecordedEvent]) throws -> Bool
    ) {
        self.name = name
        self.start = start
        self.store = store
        self.batchSize = max(batchSize, 1)
        self.pollInterval = pollInterval
        self.logger = logger
        self.idleCheckpointInterval = idleCheckpointInterval
        self.minimumInterval = minimumInterval
        self.handler = handler
    }

    /// Processes events until graceful shutdown or cancellation. A failing batch is logged and
    /// retried at the next wake-up; its work and checkpoint were rolled back together.
    public func run() async throws {
        let signal = WakeSignal()
        let key = store.wakeups.register(signal)
        defer { store.wakeups.unregister(key) }
        let pool = store.pool
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await pool.listen(to: EventStore.notificationChannel) { _ in signal.signal() }
                }
                // After a wake-up that found nothing, look again soon for a while: the new events may be
                // held back behind an older transaction that is still open (the feed's horizon).
                var retries = 0
                while !Task.isCancelled {
                    var handled = 0
                    let began = ContinuousClock.now
                    do {
                        handled = try await self.processAvailable()
                    } catch is CancellationError {
                        break
                    } catch {
                        self.logger.error("subscription batch failed", metadata: ["subscription.name": "\(self.name)", "error": "\(error)"])
                    }
                    retries = handled > 0 ? 0 : retries
                    let soon = Duration.milliseconds(50 << min(retries, 5))
                    let woken = await signal.wait(timeout: retries < 40 && retries > 0 ? min(soon, self.pollInterval) : self.pollInterval)
                    retries = woken ? 1 : (retries > 0 ? retries + 1 : 0)
                    // What commits meanwhile wakes the signal again and is read with the next batch.
                    let rest = self.minimumInterval - (ContinuousClock.now - began)
                    if rest > .zero {
                        do { try await Task.sleep(for: rest) } catch { break }
                    }
                }
                group.cancelAll()
            }
        }
    }

    /// Processes every event committed so far, batch by batch, and returns how many were handled;
    /// 0 when another instance holds the subscription right now.
    public func processAvailable() async throws -> Int {
        var handled = 0
        while true {
            let count = try await processBatch()
            handled += count
            if count < batchSize { return handled }
        }
    }

    /// Fixes where a subscription without a checkpoint begins (its `start`) and stores it at once,
    /// so that nothing committed after this returns is skipped, however late `run` gets to its
    /// first batch. Nothing happens when it has a checkpoint, has no `start`, or another instance
    /// holds it right now (that instance is fixing it or already past it).
    public func establishStart() async throws {
        guard let start else { return }
        let name = name
        try await store.pool.withTransaction { connection in
            guard try Self.lock(name, on: connection), try Self.storedCheckpoint(on: connection, name: name) == nil else { return }
            try Self.store(try start(connection) ?? .beginning, name: name, on: connection)
        }
    }

    /// The stored checkpoint: where the next batch starts, nil before the first.
    public func checkpoint() async throws -> FeedCursor? {
        let name = name
        return try await store.pool.withConnection { connection in
            try Self.storedCheckpoint(on: connection, name: name)
        }
    }

    private func processBatch() async throws -> Int {
        let name = name
        let batchSize = batchSize
        let handler = handler
        let start = start
        let idleCheckpointInterval = idleCheckpointInterval
        let outcome = try await store.pool.withTransaction { connection -> (count: Int, reached: FeedCursor?, stored: Bool) in
            guard try Self.lock(name, on: connection) else { return (0, nil, false) }
            let stored = try Self.storedCheckpoint(on: connection, name: name)
            var cursor = stored
            var fresh = false
            if cursor == nil, let start {
                // Where it begins, stored at once; an empty feed's end is its beginning (else the
                // next look would find a later end and skip what came in between).
                cursor = try start(connection) ?? .beginning
                fresh = true
            }
            // Past the stored checkpoint to where this instance got without work, if further.
            let (reached, storedAt) = self.progress.withLock { ($0.reached, $0.storedAt) }
            if let reached, let stored, reached > stored { cursor = reached }
            let page = try EventStore.readAll(on: connection, after: cursor, limit: batchSize)
            guard !page.events.isEmpty, let next = page.cursor else {
                if fresh, let cursor { try Self.store(cursor, name: name, on: connection) }
                return (0, nil, fresh)
            }
            let wrote = try handler(connection, page.events)
            let due = storedAt.map { ContinuousClock.now - $0 >= idleCheckpointInterval } ?? true
            if wrote || due {
                try Self.store(next, name: name, on: connection)
                return (page.events.count, next, true)
            }
            return (page.events.count, next, false)
        }
        progress.withLock { state in
            if outcome.stored { state = (nil, ContinuousClock.now) } else if let reached = outcome.reached { state.reached = reached }
        }
        return outcome.count
    }

    /// Takes the subscription's advisory lock for the caller's transaction; false when another
    /// instance holds it (one instance at a time works a subscription).
    private static func lock(_ name: String, on connection: PostgresConnection) throws -> Bool {
        try connection.query("SELECT pg_try_advisory_xact_lock(1953459556, hashtext($1)) AS locked", [.text(name)])[0].bool("locked")
    }

    private static func store(_ next: FeedCursor, name: String, on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO subscription_checkpoints (subscription, last_tx, last_position)
            VALUES ($1, $2::text::xid8, $3)
            ON CONFLICT (subscription) DO UPDATE
            SET last_tx = excluded.last_tx, last_position = excluded.last_position, updated_at = clock_timestamp()
            """,
            [.text(name), .text(String(next.transactionID)), .int(next.position)]
        )
    }

    private static func storedCheckpoint(on connection: PostgresConnection, name: String) throws -> FeedCursor? {
        try connection.query(
            "SELECT last_tx, last_position FROM subscription_checkpoints WHERE subscription = $1", [.text(name)]
        ).first.map { row in
            FeedCursor(transactionID: try row.decode(UInt64.self, "last_tx"), position: try row.int64("last_position"))
        }
    }
}
