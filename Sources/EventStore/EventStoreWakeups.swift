import Foundation
import Logging
import Postgres
import Synchronization

/// Wakes readers after a commit: subscriptions in this process at once, other instances by a
/// NOTIFY sent after commit in its own, asynchronously committed transaction. NOTIFYs are
/// coalesced: at most one is in flight, it covers every commit that happened before it was sent,
/// and the next one waits `minimumNotificationInterval`, so a busy store sends at most about a
/// hundred a second (each is a transaction the server has to run).
final class EventStoreWakeups: Sendable {
    static let minimumNotificationInterval = Duration.milliseconds(10)

    private let pool: PostgresConnectionPool
    private let channel: String
    private let logger: Logger
    private let local = Mutex<[UUID: WakeSignal]>([:])
    private let notifyState = Mutex<(sending: Bool, again: Bool)>((false, false))

    init(pool: PostgresConnectionPool, channel: String, logger: Logger) {
        self.pool = pool
        self.channel = channel
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
        let start = notifyState.withLock { state -> Bool in
            if state.sending {
                state.again = true
                return false
            }
            state.sending = true
            return true
        }
        guard start else { return }
        Task { await sendNotifications() }
    }

    private func sendNotifications() async {
        repeat {
            notifyState.withLock { $0.again = false }
            do {
                let channel = channel
                try await pool.withConnection { try $0.notify(channel, asynchronousCommit: true) }
            } catch {
                logger.debug("could not send the events notification", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: Self.minimumNotificationInterval)
        } while notifyState.withLock { state -> Bool in
            if state.again { return true }
            state.sending = false
            return false
        }
    }
}
