import Foundation
import Taaktoedeling
import Logging
import Dossiers

/// Everything `toedeling-server` is started with.
public struct ServerSettings: Sendable {
    /// Where to listen and which origins may call cross-origin.
    public var api: APIConfiguration
    /// A libpq connection string or URI; empty means libpq's `PG*` defaults.
    public var databaseURL: String
    /// Where reports read (`TOEDELING_REPORT_DATABASE_URL`, e.g. a multi-host URL with
    /// `target_session_attrs=prefer-standby`); nil reads them from `databaseURL`.
    public var reportDatabaseURL: String?
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
    /// The seal settings (`TOEDELING_SEAL_KEY_FILE`, `TOEDELING_SEAL_INTERVAL`, `TOEDELING_SEAL_DIR`); nil seals nothing.
    public var zegels: ZegelInstellingen?
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

    /// `TOEDELING_SEAL_KEY_FILE` (nil when unset: no periodic seal), `TOEDELING_SEAL_INTERVAL`
    /// (1h), `TOEDELING_SEAL_DIR` (must be a folder that exists).
    public static func zegels(from environment: [String: String]) throws -> ZegelInstellingen? {
        guard let pad = environment["TOEDELING_SEAL_KEY_FILE"], !pad.isEmpty else { return nil }
        let sleutel: Data
        do {
            sleutel = try ZegelSleutel.prive(pad: pad).rawRepresentation
        } catch {
            throw ConfigurationError(variable: "TOEDELING_SEAL_KEY_FILE", expected: "an Ed25519 private key file (toedeling-admin zegel sleutel): \(error)")
        }
        let interval = try DurationSetting.parse(environment["TOEDELING_SEAL_INTERVAL"], variable: "TOEDELING_SEAL_INTERVAL", fallback: .seconds(3600))
        guard interval >= .seconds(1) else { throw ConfigurationError(variable: "TOEDELING_SEAL_INTERVAL", expected: "at least 1s") }
        var map: String?
        if let gegeven = environment["TOEDELING_SEAL_DIR"], !gegeven.isEmpty {
            var isMap: ObjCBool = false
            guard FileManager.default.fileExists(atPath: gegeven, isDirectory: &isMap), isMap.boolValue else {
                throw ConfigurationError(variable: "TOEDELING_SEAL_DIR", expected: "an existing folder")
            }
            map = gegeven
        }
        let tsa = environment["TOEDELING_TSA_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let tsa, URL(string: tsa).flatMap(\.scheme).map({ ["http", "https"].contains($0) }) != true {
            throw ConfigurationError(variable: "TOEDELING_TSA_URL", expected: "an http or https URL of an RFC 3161 time-stamping authority")
        }
        return ZegelInstellingen(sleutel: sleutel, interval: interval, map: map, tsa: tsa)
    }
}

/// How the server seals: the private key's bytes, how often, and where the files go.
public struct ZegelInstellingen: Sendable {
    public var sleutel: Data
    public var interval: Duration
    public var map: String?
    /// The RFC 3161 time-stamping authority (`TOEDELING_TSA_URL`), if any.
    public var tsa: String?
}
