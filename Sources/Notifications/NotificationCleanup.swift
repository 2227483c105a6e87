import Dossiers
import Logging
import Postgres
import ServiceLifecycle

/// Keeps the notification tables small, every `interval` as a `Service`: delivery-log entries and
/// delivered outbox rows after 30 days, sent or failed e-mail after 90 days. Waiting and
/// dead-lettered deliveries are never removed here: a resend needs them.
public struct NotificationCleanup: Service {
    private let pool: PostgresConnectionPool
    private let interval: Duration
    private let logger: Logger

    /// The clean-up over `pool`.
    public init(pool: PostgresConnectionPool, interval: Duration = .seconds(3600), logger: Logger) {
        self.pool = pool
        self.interval = interval
        self.logger = logger
    }

    /// Cleans now and every interval until shutdown.
    public func run() async throws {
        try await PeriodicCleanup.repeating("notificatie-opruiming", interval: interval, logger: logger) { try await ruimOp() }
    }

    /// One pass; returns what was removed, per table.
    public func ruimOp() async throws -> [(String, Int)] {
        try await pool.withConnection { connection in
            [
                ("pogingen", try connection.execute("DELETE FROM webhook_pogingen WHERE tijdstip < now() - interval '30 days'")),
                ("afleveringen", try connection.execute(
                    "DELETE FROM webhook_afleveringen WHERE status = 'afgeleverd' AND afgehandeld_op < now() - interval '30 days'")),
                ("berichten", try connection.execute(
                    "DELETE FROM email_berichten WHERE status <> 'wachtend' AND aangemaakt_op < now() - interval '90 days'")),
            ]
        }
    }
}
