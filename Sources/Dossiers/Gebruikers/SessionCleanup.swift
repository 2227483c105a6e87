import Logging
import Postgres
import ServiceLifecycle

/// Removes what the web application no longer reads, now and then, as a `Service` of the server:
/// expired sessions, activation links used or expired more than a week ago, and counts of failed
/// logins whose last failure is over an hour old. Every instance runs one; the deletes are
/// idempotent, so several at once do no harm.
public struct SessionCleanup: Service {
    let pool: PostgresConnectionPool
    let interval: Duration
    let logger: Logger

    /// A clean-up over `pool` every `interval`.
    public init(pool: PostgresConnectionPool, interval: Duration = .seconds(600), logger: Logger) {
        self.pool = pool
        self.interval = interval
        self.logger = logger
    }

    /// One pass; returns how many rows of each kind went.
    @discardableResult
    public func ruimOp() async throws -> (sessies: Int, activaties: Int, pogingen: Int) {
        try await pool.withConnection { connection in
            let sessies = try connection.execute("DELETE FROM web_sessies WHERE verloopt_op <= now()")
            try connection.execute("DELETE FROM oidc_aanmeldingen WHERE verloopt_op <= now()")
            let activaties = try connection.execute(
                "DELETE FROM gebruiker_activaties WHERE coalesce(gebruikt_op, verloopt_op) < now() - interval '7 days'"
            )
            let pogingen = try connection.execute(
                "DELETE FROM inlog_pogingen WHERE laatste_op < now() - make_interval(secs => $1)", [.double(LoginThrottle.vergeetNa)]
            )
            return (sessies, activaties, pogingen)
        }
    }

    /// Cleans up at once and then every `interval`, until graceful shutdown or cancellation.
    public func run() async throws {
        try await PeriodicCleanup.repeating("web clean-up", interval: interval, logger: logger) {
            let removed = try await ruimOp()
            return [("sessies", removed.sessies), ("activaties", removed.activaties), ("pogingen", removed.pogingen)]
        }
    }
}
