import Logging
import ServiceLifecycle

/// The loop of the server's periodic work (clean-ups of idempotency records, the web application's
/// rows and the notification outboxes; the termijn reminders): one pass at once, then one every
/// `interval`, until graceful shutdown or cancellation. A pass that fails is logged (its type only)
/// and tried again at the next interval; one that removed or sent something logs how much.
public enum PeriodicCleanup {
    /// Runs `pass` now and every `interval`; `name` names it in the log.
    public static func repeating(
        _ naam: String, interval: Duration, logger: Logger, pass: @Sendable () async throws -> [(String, Int)]
    ) async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let removed = try await pass()
                if removed.contains(where: { $0.1 > 0 }) {
                    logger.info("\(naam)", metadata: Dictionary(uniqueKeysWithValues: removed.map { ($0.0, .stringConvertible($0.1)) }))
                }
            } catch {
                logger.warning("\(naam) failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
