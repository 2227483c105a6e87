import Logging
import ServiceLifecycle

/// Removes expired idempotency records now and then, as a `Service` of the server: every instance
/// runs one; the deletes are idempotent, so several at once do no harm.
public struct IdempotencyCleanup: Service {
    let store: IdempotencyStore
    let interval: Duration
    let logger: Logger

    /// A clean-up of the records of `store`, every `interval`.
    public init(store: IdempotencyStore, interval: Duration = .seconds(600), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    /// Cleans up at once and then every `interval`, until graceful shutdown or cancellation.
    public func run() async throws {
        let store = store
        try await PeriodicCleanup.repeating("idempotency records expired", interval: interval, logger: logger) {
            [("idempotency.removed", try await store.removeExpired())]
        }
    }
}
