/// An error from PostgreSQL or from this client. Its `description` is deliberately generic (kind
/// and SQLSTATE only) so that no SQL text or server message reaches a client; the server's own
/// message is kept in `serverMessage`, meant for logs only.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; compare with the static members, e.g. `error.code == .queryFailed`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case connectionFailed, connectionLost, queryFailed, transactionAborted, decoding,
                 invalidArgument, poolClosed, poolTimeout
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// A connection could not be opened.
        public static let connectionFailed = Code(.connectionFailed)
        /// An open connection broke (server gone, backend terminated, socket closed).
        public static let connectionLost = Code(.connectionLost)
        /// The server refused or failed a statement; see `sqlState`.
        public static let queryFailed = Code(.queryFailed)
        /// A transaction could not commit because a statement inside it had failed.
        public static let transactionAborted = Code(.transactionAborted)
        /// A column value could not be read as the requested Swift type (or the column is unknown).
        public static let decoding = Code(.decoding)
        /// A value or name given to the client cannot be used (for example a channel name with NUL).
        public static let invalidArgument = Code(.invalidArgument)
        /// The connection pool has been closed.
        public static let poolClosed = Code(.poolClosed)
        /// No pool connection became free within the pool's wait limit.
        public static let poolTimeout = Code(.poolTimeout)

        /// A short, generic name for the kind of failure.
        public var description: String {
            switch base {
            case .connectionFailed: "connection failed"
            case .connectionLost: "connection lost"
            case .queryFailed: "query failed"
            case .transactionAborted: "transaction aborted"
            case .decoding: "value could not be decoded"
            case .invalidArgument: "invalid argument"
            case .poolClosed: "connection pool closed"
            case .poolTimeout: "no connection free in time"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// The five-character SQLSTATE the server reported, if any.
    public let sqlState: String?
    /// The server's or libpq's message. For logs only: it may contain values and SQL fragments.
    public let serverMessage: String?
    /// The server's DETAIL line, if any. For logs, and for facts our own SQL functions raise.
    public let serverDetail: String?
    /// The constraint a violation concerns, if the server named one.
    public let constraintName: String?

    init(code: Code, sqlState: String? = nil, serverMessage: String? = nil, serverDetail: String? = nil, constraintName: String? = nil) {
        self.code = code
        self.sqlState = sqlState
        self.serverMessage = serverMessage
        self.serverDetail = serverDetail
        self.constraintName = constraintName
    }

    /// A generic description without SQL or server text, e.g. "PostgreSQL query failed (SQLSTATE 23505)".
    public var description: String {
        if let sqlState { return "PostgreSQL \(code) (SQLSTATE \(sqlState))" }
        return "PostgreSQL \(code)"
    }

    /// True for SQLSTATE 23505: a unique constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// True for SQLSTATE 40001 (serialization failure) and 40P01 (deadlock): the transaction may be retried.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// True when a bound on waiting ran out: no pool connection in time, a statement or lock timeout
    /// (SQLSTATE 57014, 55P03), or an idle transaction ended by the server (25P03). The database is
    /// busy, not broken: the request may be tried again shortly.
    public var isTimeout: Bool {
        code == .poolTimeout || ["57014", "55P03", "25P03"].contains(sqlState ?? "")
    }

    /// True when the connection is gone: a lost socket, SQLSTATE class 08, or the server shutting
    /// the session down (57P01, 57P02, 57P03). Such a connection must not be used again.
    public var isConnectionLoss: Bool {
        if code == .connectionLost || code == .connectionFailed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }
}
