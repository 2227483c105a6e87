import Dossiers
import EventStore
import Foundation
import Postgres
import ServiceLifecycle
import Synchronization

/// The global feed followed live by many readers (the API's Server-Sent Events, through
/// `LiveEventFeed`), on one LISTEN per
/// instance: a follower is woken by commits in this process and, through NOTIFY, by commits of
/// other instances; it still looks now and then by itself, so a lost notification only delays it.
/// Run it as a `Service` placed *after* the HTTP server in the `ServiceGroup`: on graceful shutdown
/// it shuts first and ends every follower, so the server's open streams finish and it can stop.
public final class LiveFeed: LiveEventFeed, Service, Sendable {
    private let store: EventStore
    private let state = Mutex<(open: Bool, followers: [UUID: WakeSignal])>((true, [:]))

    /// A live feed over `store` (which should notify other instances, see `EventStore.init`).
    public init(store: EventStore) {
        self.store = store
    }

    /// Listens (and sends the store's notifications) until graceful shutdown or cancellation, then
    /// ends every follower.
    public func run() async throws {
        let store = store
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await store.pool.listen(to: EventStore.notificationChannel) { [weak self] _ in self?.wakeAll() } }
                group.addTask { await store.runNotifications() }
                await group.waitForAll()
            }
        }
        close()
    }

    /// A new follower, or nil once the feed has closed (the server is stopping).
    public func follow() -> (any LiveEventFollower)? {
        let signal = WakeSignal()
        let key = UUID()
        let registered = state.withLock { state -> Bool in
            guard state.open else { return false }
            state.followers[key] = signal
            return true
        }
        guard registered else { return nil }
        let local = store.wakeOnCommit(signal)
        return LiveFeedFollower(signal: signal) { [weak self] in
            self?.store.stopWaking(local)
            self?.state.withLock { _ = $0.followers.removeValue(forKey: key) }
        } isClosed: { [weak self] in
            self?.state.withLock { !$0.open } ?? true
        }
    }

    /// Ends every follower now (also what graceful shutdown does); no new one is taken.
    public func close() {
        let signals = state.withLock { state -> [WakeSignal] in
            state.open = false
            return Array(state.followers.values)
        }
        for signal in signals { signal.signal() }
    }

    /// How many follow now.
    public var followerCount: Int { state.withLock { $0.followers.count } }

    private func wakeAll() {
        for signal in state.withLock({ Array($0.followers.values) }) { signal.signal() }
    }
}

/// One reader of the live feed: waits until there may be new events (or the feed closes).
public final class LiveFeedFollower: LiveEventFollower {
    private let signal: WakeSignal
    private let onStop: @Sendable () -> Void
    private let closed: @Sendable () -> Bool
    private let stopped = Mutex(false)

    init(signal: WakeSignal, onStop: @escaping @Sendable () -> Void, isClosed: @escaping @Sendable () -> Bool) {
        self.signal = signal
        self.onStop = onStop
        self.closed = isClosed
    }

    /// Waits at most `timeout` for a commit; true when woken (new events may be there, or the feed closed).
    @discardableResult
    public func wait(timeout: Duration) async -> Bool {
        await signal.wait(timeout: timeout)
    }

    /// True once the feed closed: the reader should end.
    public var isClosed: Bool { closed() }

    /// Stops following; call it when the reader ends.
    public func stop() {
        let first = stopped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { onStop() }
    }

    deinit { stop() }
}
