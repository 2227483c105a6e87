import Taaktoedeling
import Logging
import Dossiers

/// Everything `toedeling-server` is started with.
public struct ServerSettings: Sendable {
    /// Where to listen and which origins may call cross-origin.
    public var api: APIConfiguration
    /// A libpq connection string or URI; empty means libpq's `PG*` defaults.
    public var databaseURL: String
    /// The most database connections this instance opens.
    public var maximumConnections: Int
    /// The lowest level that is logged.
    public var logLevel: Logger.Level
    /// The bounds on every database wait (`TOEDELING_STATEMENT_TIMEOUT`, `…_LOCK_TIMEOUT`,
    /// `…_IDLE_TRANSACTION_TIMEOUT`, `…_CONNECT_TIMEOUT`, `…_POOL_TIMEOUT`).
    public var databaseLimits: DatabaseLimits
    /// How long idempotency records are kept (`TOEDELING_IDEMPOTENCY_TTL`).
    public var idempotencyTimeToLive: Duration
    /// How many Server-Sent Event streams this instance serves at once (`TOEDELING_SSE_MAX_STREAMS`).
    public var maximumEventStreams: Int = 100
    /// The largest document accepted (`TOEDELING_DOCUMENT_MAX_BYTES`).
    public var maximumDocumentBytes: Int64 = ServerSettings.defaultMaximumDocumentBytes
    /// The selectielijst (`TOEDELING_SELECTIELIJST`, else the shipped one), read and checked at start.
    public var selectielijst: Selectielijst? = SelectielijstBestand.meegeleverd
    /// 100 MiB.
    public static let defaultMaximumDocumentBytes: Int64 = 100 * 1024 * 1024
    /// Webhooks and e-mail.
    public var notifications = NotificationSettings()

    /// Creates settings.
    public init(
        api: APIConfiguration, databaseURL: String, maximumConnections: Int = 10, logLevel: Logger.Level = .info,
        databaseLimits: DatabaseLimits = .serverDefaults, idempotencyTimeToLive: Duration = .seconds(86_400)
    ) {
        self.api = api
        self.databaseURL = databaseURL
        self.maximumConnections = maximumConnections
        self.logLevel = logLevel
        self.databaseLimits = databaseLimits
        self.idempotencyTimeToLive = idempotencyTimeToLive
    }

    /// The database limits and idempotency lifetime from the environment, the defaults where unset.
    public static func limits(from environment: [String: String]) throws -> (DatabaseLimits, Duration) {
        func duration(_ name: String, _ fallback: Duration) throws -> Duration {
            try DurationSetting.parse(environment[name], variable: name, fallback: fallback)
        }
        let defaults = DatabaseLimits.serverDefaults
        let limits = DatabaseLimits(
            connectTimeoutSeconds: Int(try duration("TOEDELING_CONNECT_TIMEOUT", .seconds(defaults.connectTimeoutSeconds)).components.seconds),
            statementTimeoutMilliseconds: DurationSetting.milliseconds(
                try duration("TOEDELING_STATEMENT_TIMEOUT", .milliseconds(defaults.statementTimeoutMilliseconds))),
            lockTimeoutMilliseconds: DurationSetting.milliseconds(try duration("TOEDELING_LOCK_TIMEOUT", .milliseconds(defaults.lockTimeoutMilliseconds))),
            idleInTransactionTimeoutMilliseconds: DurationSetting.milliseconds(
                try duration("TOEDELING_IDLE_TRANSACTION_TIMEOUT", .milliseconds(defaults.idleInTransactionTimeoutMilliseconds))),
            poolWait: try duration("TOEDELING_POOL_TIMEOUT", defaults.poolWait ?? .seconds(5))
        )
        let ttl = try duration("TOEDELING_IDEMPOTENCY_TTL", .seconds(86_400))
        guard ttl >= .seconds(1) else { throw ConfigurationError(variable: "TOEDELING_IDEMPOTENCY_TTL", expected: "at least 1s") }
        return (limits, ttl)
    }

    /// `TOEDELING_SSE_MAX_STREAMS`, 100 when unset.
    public static func maximumEventStreams(from environment: [String: String]) throws -> Int {
        guard let value = environment["TOEDELING_SSE_MAX_STREAMS"], !value.isEmpty else { return 100 }
        guard let maximum = Int(value), maximum >= 0 else {
            throw ConfigurationError(variable: "TOEDELING_SSE_MAX_STREAMS", expected: "a number of streams (0 or more)")
        }
        return maximum
    }

    /// `TOEDELING_DOCUMENT_MAX_BYTES`, 100 MiB when unset.
    public static func maximumDocumentBytes(from environment: [String: String]) throws -> Int64 {
        guard let value = environment["TOEDELING_DOCUMENT_MAX_BYTES"], !value.isEmpty else { return defaultMaximumDocumentBytes }
        guard let maximum = Int64(value), maximum >= 1 else {
            throw ConfigurationError(variable: "TOEDELING_DOCUMENT_MAX_BYTES", expected: "a number of bytes (1 or more)")
        }
        return maximum
    }
}
