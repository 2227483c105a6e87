import Foundation
import Logging
import Postgres
import Synchronization

/// Wakes readers after a commit: subscriptions in this process at once; other instances, when the
/// store was made to tell them, by a NOTIFY that `runNotifications()` sends after commit in its own,
/// asynchronously committed transaction. NOTIFYs are coalesced: one covers every commit before it,
/// and the next waits `minimumNotificationInterval`, so a busy store sends at most about a hundred a
/// second (each is a transaction the server has to run). Without a listener elsewhere nothing is
/// sent: a command spends no connection on a NOTIFY nobody hears.
final class EventStoreWakeups: Sendable {
    static let minimumNotificationInterval = Duration.milliseconds(10)

    private let pool: PostgresConnectionPool
    private let channel: String
    private let logger: Logger
    let notifiesOtherInstances: Bool
    private let local = Mutex<[UUID: WakeSignal]>([:])
    private let committed = WakeSignal()

    init(pool: PostgresConnectionPool, channel: String, notifiesOtherInstances: Bool, logger: Logger) {
        self.pool = pool
        self.channel = channel
        self.notifiesOtherInstances = notifiesOtherInstances
        self.logger = logger
    }

    /// Registers an in-process listener; returns the key to remove it with.
    func register(_ signal: WakeSignal) -> UUID {
        let key = UUID()
        local.withLock { $0[key] = signal }
        return key
    }

    func unregister(_ key: UUID) {
        local.withLock { _ = $0.removeValue(forKey: key) }
    }

    /// Called after a commit that wrote events.
    func eventsCommitted() {
        for signal in local.withLock({ Array($0.values) }) { signal.signal() }
        if notifiesOtherInstances { committed.signal() }
    }

    /// Sends the coalesced NOTIFYs until cancelled; run it as a child task of a `Service`.
    func runNotifications() async {
        guard notifiesOtherInstances else { return }
        while !Task.isCancelled {
            guard await committed.wait(timeout: .seconds(3600)) else { continue }
            do {
                let channel = channel
                try await pool.withConnection { try $0.notify(channel, asynchronousCommit: true) }
            } catch {
                logger.debug("could not send the events notification", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
            try? await Task.sleep(for: Self.minimumNotificationInterval)
        }
    }
}
