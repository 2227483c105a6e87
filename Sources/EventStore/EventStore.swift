import Foundation
import Logging
import Postgres

/// Append-only event streams on PostgreSQL (schema/0001_event_store.sql); knows nothing of dossiers.
///
/// An append is one statement (`event_store_append`): lock or create the stream row, compare the
/// expected version before any identity value is drawn, insert the hash-chained events, move the
/// stream head. With a hook it runs in a transaction together with the hook. After commit, readers
/// are woken: in this process at once, other instances (when asked for) by a coalesced NOTIFY on
/// `notificationChannel`.
public final class EventStore: Sendable {
    /// The channel on which the store announces committed events to other instances.
    public static let notificationChannel = "toedeling_events"

    /// The pool the store runs on.
    public let pool: PostgresConnectionPool
    let logger: Logger
    let wakeups: EventStoreWakeups

    /// A store on `pool`. With
    /// `notifiesOtherInstances` commits are announced to other instances by NOTIFY, sent while
    /// `runNotifications()` runs; without it, only to subscriptions in this process.
    public init(pool: PostgresConnectionPool, logger: Logger, notifiesOtherInstances: Bool = false) {
        self.pool = pool
        self.logger = logger
        wakeups = EventStoreWakeups(
            pool: pool, channel: Self.notificationChannel, notifiesOtherInstances: notifiesOtherInstances, logger: logger
        )
    }

    /// Wakes `signal` after every commit in this process that wrote events (other instances' commits
    /// arrive by NOTIFY on `notificationChannel`); returns the key `stopWaking` takes.
    public func wakeOnCommit(_ signal: WakeSignal) -> UUID {
        wakeups.register(signal)
    }

    /// Stops waking the signal registered under `key`.
    public func stopWaking(_ key: UUID) {
        wakeups.unregister(key)
    }

    /// Sends the NOTIFYs that announce commits to other instances, until cancelled (nothing when
    /// the store does not notify them). Run it as a child task of a `Service`.
    public func runNotifications() async {
        await wakeups.runNotifications()
    }

    /// Wakes subscriptions after events were appended and committed through the synchronous
    /// `append(on:…)` inside a caller's own transaction.
    public func announceCommittedEvents() {
        wakeups.eventsCommitted()
    }
}
