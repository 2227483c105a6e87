/// The bounds on every wait of a connection: connecting, statements, locks, an open transaction left
/// idle, a dead peer (TCP keepalives), and a caller waiting for a pool connection. Nothing a client
/// sends can make the server wait longer than these.
public struct PostgresLimits: Sendable, Equatable {
    /// libpq's `connect_timeout`, in whole seconds (at least 2, as libpq asks).
    public var connectTimeoutSeconds: Int
    /// `statement_timeout`, in milliseconds (0: none).
    public var statementTimeoutMilliseconds: Int
    /// `lock_timeout`, in milliseconds (0: none).
    public var lockTimeoutMilliseconds: Int
    /// `idle_in_transaction_session_timeout`, in milliseconds (0: none).
    public var idleInTransactionTimeoutMilliseconds: Int
    /// How long a caller waits for a pool connection before `PostgresError.Code.poolTimeout`; nil waits.
    public var poolWait: Duration?

    /// Limits; the defaults are what the server runs with unless configured otherwise.
    public init(
        connectTimeoutSeconds: Int = 5,
        statementTimeoutMilliseconds: Int = 15_000,
        lockTimeoutMilliseconds: Int = 3_000,
        idleInTransactionTimeoutMilliseconds: Int = 10_000,
        poolWait: Duration? = .seconds(5)
    ) {
        self.connectTimeoutSeconds = max(2, connectTimeoutSeconds)
        self.statementTimeoutMilliseconds = max(0, statementTimeoutMilliseconds)
        self.lockTimeoutMilliseconds = max(0, lockTimeoutMilliseconds)
        self.idleInTransactionTimeoutMilliseconds = max(0, idleInTransactionTimeoutMilliseconds)
        self.poolWait = poolWait
    }

    /// No bounds but a connect timeout and keepalives: for the admin CLI, whose rebuilds and exports
    /// may rightly run long.
    public static let unbounded = PostgresLimits(
        statementTimeoutMilliseconds: 0, lockTimeoutMilliseconds: 0, idleInTransactionTimeoutMilliseconds: 0, poolWait: nil
    )

    /// The libpq connection keywords set before the caller's own connection string, so that what the
    /// caller's string says wins. A peer that is gone (a machine that died, a network that drops
    /// everything) is noticed within about 5 s of data left unacknowledged (`tcp_user_timeout`) and
    /// within about 10 s on a connection waiting for an answer to what the peer had acknowledged
    /// (TCP keepalives after 5 s idle, unanswered for 5 s); the request then fails with 503 instead
    /// of waiting for TCP's own retransmission limits (many minutes). A peer that is alive answers
    /// both at once, however long its statement runs.
    var connectionDefaults: [(String, String)] {
        [
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("keepalives", "1"),
            ("keepalives_idle", "5"),
            ("keepalives_interval", "1"),
            ("keepalives_count", "5"),
            ("tcp_user_timeout", "5000"),
        ]
    }

    /// The session settings sent once per connection.
    var sessionSettings: String {
        "SET statement_timeout = \(statementTimeoutMilliseconds); SET lock_timeout = \(lockTimeoutMilliseconds); "
            + "SET idle_in_transaction_session_timeout = \(idleInTransactionTimeoutMilliseconds)"
    }
}
