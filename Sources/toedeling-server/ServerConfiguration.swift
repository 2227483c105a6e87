import Configuration
import Crypto
import Dossiers
import Foundation
import Logging
import Notifications
import Taaktoedeling
import ToedelingAPI
import ToedelingWeb

/// Every setting of `toedeling-server`, read once at start through one `ConfigReader`: the
/// environment, over an optional configuration file in the same `NAME=value` form (`--config-file`
/// or `TOEDELING_CONFIG_FILE`, e.g. a systemd `EnvironmentFile`). Each default is written here and
/// nowhere else: a property's initial value. A wrong setting stops the server with one line that
/// names it; every wrong setting is reported, not only the first.
struct ServerConfiguration: Sendable {
    // MARK: HTTP
    /// The address to listen on (`TOEDELING_HOSTNAME`, `--hostname`).
    var hostname = "127.0.0.1"
    /// The port to listen on (`TOEDELING_PORT`, `--port`).
    var port = 8080
    /// How long a connection may take to send a complete request head, and stay idle between
    /// requests (`TOEDELING_HTTP_IDLE_TIMEOUT`, 1 s to 1 h).
    var idleTimeout: Duration = .seconds(30)
    /// How many HTTP connections one instance holds at once (`TOEDELING_HTTP_MAX_CONNECTIONS`).
    var maximumHTTPConnections = 4096
    /// The API's settings: `TOEDELING_CORS_ORIGINS`, `TOEDELING_HSTS_MAX_AGE`.
    var api = APIConfiguration()
    /// The web application's settings: cookies, two-step verification, sign-in.
    var web = WebConfiguration()
    /// The folder of the web application's templates and style sheet (`TOEDELING_WEB_DIR`); nil:
    /// beside the executable, else `<bin>/../share/toedeling/web`.
    var webDirectory: String?
    /// The OpenAPI document to serve (`TOEDELING_OPENAPI_FILE`); nil: the shipped one.
    var openAPIFile: String?
    /// The migrations this version expects applied (`TOEDELING_SCHEMA_DIR`); nil: the installed or
    /// the package's own `schema/`.
    var schemaDirectory: String?

    // MARK: Database
    /// A libpq connection string or URI (`DATABASE_URL`); empty means libpq's `PG*` defaults.
    var databaseURL = ""
    /// Where reports read (`TOEDELING_REPORT_DATABASE_URL`, e.g. a multi-host URL with
    /// `target_session_attrs=prefer-standby`); nil reads them from `databaseURL`.
    var reportDatabaseURL: String?
    /// The most database connections this instance opens (`TOEDELING_POOL_SIZE`).
    var maximumConnections = 10
    /// The bounds on every database wait (`TOEDELING_CONNECT_TIMEOUT`, `…_STATEMENT_TIMEOUT`,
    /// `…_LOCK_TIMEOUT`, `…_IDLE_TRANSACTION_TIMEOUT`, `…_POOL_TIMEOUT`).
    var databaseLimits = DatabaseLimits.serverDefaults
    /// How long idempotency records are kept (`TOEDELING_IDEMPOTENCY_TTL`).
    var idempotencyTimeToLive: Duration = .seconds(86_400)

    // MARK: The server
    /// The lowest level that is logged (`TOEDELING_LOG_LEVEL`).
    var logLevel: Logger.Level = .info
    /// How many Server-Sent Event streams this instance serves at once (`TOEDELING_SSE_MAX_STREAMS`).
    var maximumEventStreams = 100
    /// The largest document accepted (`TOEDELING_DOCUMENT_MAX_BYTES`).
    var maximumDocumentBytes = DocumentUpload.standaardMaximum

    // MARK: Records
    /// The selectielijst (`TOEDELING_SELECTIELIJST`, else the shipped one), read and checked at start.
    var selectielijst: Selectielijst? = SelectielijstBestand.meegeleverd
    /// The periodic seal (`TOEDELING_SEAL_KEY_FILE`, `…_SEAL_INTERVAL`, `…_SEAL_DIR`,
    /// `TOEDELING_TSA_URL`); nil seals nothing.
    var zegels: SealConfiguration?

    // MARK: Notifications
    /// Webhooks and e-mail.
    var notifications = NotificationConfiguration()
}

/// How the server seals: the private key's bytes, how often, where the files go, and the RFC 3161
/// time-stamping authority, if any.
struct SealConfiguration: Sendable {
    var sleutel: Data
    var interval: Duration = .seconds(3600)
    var map: String?
    var tsa: String?
}

/// The notification channels' settings.
struct NotificationConfiguration: Sendable {
    /// Sender, public address and allowed targets (`TOEDELING_OIN`, `TOEDELING_PUBLIC_URL`,
    /// `TOEDELING_WEBHOOK_ALLOW_PRIVATE`).
    var instellingen = NotificationSettings()
    /// How deliveries are retried (`TOEDELING_WEBHOOK_MAX_BACKOFF`, `TOEDELING_WEBHOOK_RETRY_FOR`).
    var beleid = WebhookQueue.Beleid()
    /// How long a receiver has to answer (`TOEDELING_WEBHOOK_TIMEOUT`).
    var webhookTimeout: Duration = .seconds(10)
    /// How long an instance holds a subscription's deliveries without renewing
    /// (`TOEDELING_WEBHOOK_LEASE`): after an instance dies, another takes its subscriptions over
    /// within this.
    var webhookLease: Duration = .seconds(30)
    /// The e-mail relay (`TOEDELING_SMTP_URL`, `TOEDELING_SMTP_FROM`, `TOEDELING_SMTP_CA`); nil sends
    /// no e-mail.
    var smtp: SMTPSettings?
}

extension ServerConfiguration {
    /// The reader over the environment and, when one is named, the configuration file beneath it.
    static func reader(environment: [String: String], file: String?) async throws -> ConfigReader {
        let secrets = SecretsSpecifier<String, String>.specific(Self.secrets)
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: secrets)]
        if let file = file ?? environment["TOEDELING_CONFIG_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                providers.append(try await EnvironmentVariablesProvider(environmentFilePath: .init(file), secretsSpecifier: secrets))
            } catch {
                throw ConfigurationErrors(errors: [ConfigurationError(variable: "TOEDELING_CONFIG_FILE", reason: "\(file) cannot be read as NAME=value lines")])
            }
        }
        return ConfigReader(providers: providers)
    }

    /// The settings whose values are never shown (passwords in URLs, the client secret).
    static let secrets: Set<String> = [
        "DATABASE_URL", "TOEDELING_REPORT_DATABASE_URL", "TOEDELING_SMTP_URL", "TOEDELING_OIDC_CLIENT_SECRET",
    ]

    /// Reads every setting from `reader`; `hostname` and `port` given on the command line win.
    /// Throws `ConfigurationErrors` with a line for each setting that cannot be used.
    init(reading reader: ConfigReader, hostname: String? = nil, port: Int? = nil) throws {
        var settings = Settings(reader: reader)
        self.init()
        self.hostname = hostname ?? settings.string("TOEDELING_HOSTNAME") ?? self.hostname
        self.port = port ?? settings.integer("TOEDELING_PORT", default: self.port, in: 0...65535, expected: "a port number from 0 to 65535")
        idleTimeout = settings.duration("TOEDELING_HTTP_IDLE_TIMEOUT", default: idleTimeout, in: .seconds(1)...(.seconds(3600)), expected: "a duration from 1s to 1h")
        maximumHTTPConnections = settings.integer(
            "TOEDELING_HTTP_MAX_CONNECTIONS", default: maximumHTTPConnections, in: 16...1_000_000, expected: "a number from 16 to 1000000")
        api.corsOrigins = settings.string("TOEDELING_CORS_ORIGINS").map { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) } ?? api.corsOrigins
        if settings.string("TOEDELING_HSTS_MAX_AGE") != nil {
            let seconds = settings.integer("TOEDELING_HSTS_MAX_AGE", default: 0, in: 0...Int.max, expected: "a number of seconds")
            api.strictTransportSecurity = "max-age=\(seconds); includeSubDomains"
        }

        databaseURL = settings.string("DATABASE_URL") ?? databaseURL
        reportDatabaseURL = settings.string("TOEDELING_REPORT_DATABASE_URL")
        maximumConnections = settings.integer("TOEDELING_POOL_SIZE", default: maximumConnections, in: 1...10_000, expected: "a positive number")
        let limits = databaseLimits
        databaseLimits = DatabaseLimits(
            connectTimeoutSeconds: Int(settings.duration("TOEDELING_CONNECT_TIMEOUT", default: .seconds(limits.connectTimeoutSeconds)).components.seconds),
            statementTimeoutMilliseconds: DurationSetting.milliseconds(settings.duration(
                "TOEDELING_STATEMENT_TIMEOUT", default: .milliseconds(limits.statementTimeoutMilliseconds))),
            lockTimeoutMilliseconds: DurationSetting.milliseconds(settings.duration(
                "TOEDELING_LOCK_TIMEOUT", default: .milliseconds(limits.lockTimeoutMilliseconds))),
            idleInTransactionTimeoutMilliseconds: DurationSetting.milliseconds(settings.duration(
                "TOEDELING_IDLE_TRANSACTION_TIMEOUT", default: .milliseconds(limits.idleInTransactionTimeoutMilliseconds))),
            poolWait: settings.duration("TOEDELING_POOL_TIMEOUT", default: limits.poolWait ?? .seconds(5))
        )
        idempotencyTimeToLive = settings.duration(
            "TOEDELING_IDEMPOTENCY_TTL", default: idempotencyTimeToLive, in: .seconds(1)...(.seconds(1_000_000_000)), expected: "at least 1s")

        logLevel = settings.choice(
            "TOEDELING_LOG_LEVEL", default: logLevel, Dictionary(uniqueKeysWithValues: Logger.Level.allCases.map { ($0.rawValue, $0) }),
            expected: "trace, debug, info, notice, warning, error or critical", caseInsensitive: true)
        maximumEventStreams = settings.integer(
            "TOEDELING_SSE_MAX_STREAMS", default: maximumEventStreams, in: 0...1_000_000, expected: "a number of streams (0 or more)")
        maximumDocumentBytes = Int64(settings.integer(
            "TOEDELING_DOCUMENT_MAX_BYTES", default: Int(maximumDocumentBytes), in: 1...Int.max, expected: "a number of bytes (1 or more)"))

        if let pad = settings.string("TOEDELING_SELECTIELIJST") {
            do {
                selectielijst = try SelectielijstBestand.laad(environment: ["TOEDELING_SELECTIELIJST": pad])
            } catch {
                settings.problems.append(ConfigurationError(variable: "TOEDELING_SELECTIELIJST", reason: "\(error)"))
            }
        }
        zegels = Self.zegels(&settings)
        webDirectory = settings.string("TOEDELING_WEB_DIR")
        openAPIFile = settings.string("TOEDELING_OPENAPI_FILE")
        schemaDirectory = settings.string("TOEDELING_SCHEMA_DIR")

        notifications = Self.notifications(&settings, port: self.port)
        web = Self.web(&settings, publicURL: notifications.instellingen.publiekeURL)

        guard settings.problems.isEmpty else { throw ConfigurationErrors(errors: settings.problems) }
    }

    private static func zegels(_ settings: inout Settings) -> SealConfiguration? {
        let interval = settings.duration("TOEDELING_SEAL_INTERVAL", default: .seconds(3600), in: .seconds(1)...(.seconds(1_000_000_000)), expected: "at least 1s")
        var map: String?
        if let gegeven = settings.string("TOEDELING_SEAL_DIR") {
            var isMap: ObjCBool = false
            if FileManager.default.fileExists(atPath: gegeven, isDirectory: &isMap), isMap.boolValue {
                map = gegeven
            } else {
                settings.problems.append(ConfigurationError(variable: "TOEDELING_SEAL_DIR", expected: "an existing folder"))
            }
        }
        let tsa = settings.string("TOEDELING_TSA_URL")
        if let tsa, URL(string: tsa).flatMap(\.scheme).map({ ["http", "https"].contains($0) }) != true {
            settings.problems.append(ConfigurationError(variable: "TOEDELING_TSA_URL", expected: "an http or https URL of an RFC 3161 time-stamping authority"))
        }
        guard let pad = settings.string("TOEDELING_SEAL_KEY_FILE") else { return nil }
        do {
            return SealConfiguration(sleutel: try ZegelSleutel.prive(pad: pad).rawRepresentation, interval: interval, map: map, tsa: tsa)
        } catch {
            settings.problems.append(ConfigurationError(
                variable: "TOEDELING_SEAL_KEY_FILE", expected: "an Ed25519 private key file (toedeling-admin zegel sleutel): \(error)"))
            return nil
        }
    }

    private static func notifications(_ settings: inout Settings, port: Int) -> NotificationConfiguration {
        var result = NotificationConfiguration()
        let oin = settings.string("TOEDELING_OIN") ?? OIN.onbekend
        if !OIN.isGeldig(oin) { settings.problems.append(ConfigurationError(variable: "TOEDELING_OIN", expected: "an OIN of 20 digits")) }
        let publiek = settings.string("TOEDELING_PUBLIC_URL") ?? "http://127.0.0.1:\(port)"
        if !(publiek.hasPrefix("http://") || publiek.hasPrefix("https://")) {
            settings.problems.append(ConfigurationError(variable: "TOEDELING_PUBLIC_URL", expected: "an http(s) URL such as https://toedeling.example.nl"))
        }
        let privaat = settings.choice("TOEDELING_WEBHOOK_ALLOW_PRIVATE", default: false, ["0": false, "1": true], expected: "1 or 0")
        result.instellingen = NotificationSettings(oin: oin, publiekeURL: publiek, privaatToegestaan: privaat)
        let aboveZero = Duration.nanoseconds(1)...(.seconds(1_000_000_000))
        result.beleid.langsteWacht = settings.duration("TOEDELING_WEBHOOK_MAX_BACKOFF", default: result.beleid.langsteWacht, in: aboveZero, expected: "a duration above zero")
        result.beleid.opgevenNa = settings.duration("TOEDELING_WEBHOOK_RETRY_FOR", default: result.beleid.opgevenNa, in: aboveZero, expected: "a duration above zero")
        result.webhookTimeout = settings.duration("TOEDELING_WEBHOOK_TIMEOUT", default: result.webhookTimeout, in: aboveZero, expected: "a duration above zero")
        result.webhookLease = settings.duration(
            "TOEDELING_WEBHOOK_LEASE", default: result.webhookLease, in: .seconds(1)...(.seconds(1_000_000_000)), expected: "at least 1s")
        if let url = settings.string("TOEDELING_SMTP_URL") {
            let afzender = settings.string("TOEDELING_SMTP_FROM") ?? "Toedeling <noreply@\(result.instellingen.berichtDomein)>"
            result.smtp = SMTPSettings(url: url, afzender: afzender, caBestand: settings.string("TOEDELING_SMTP_CA"))
            if result.smtp == nil {
                settings.problems.append(ConfigurationError(variable: "TOEDELING_SMTP_URL", expected: "smtp://[user:password@]host[:port] or smtps://…"))
            }
        }
        return result
    }

    /// The web application's settings: `TOEDELING_INSECURE_COOKIES=1` for plain-http local use,
    /// `TOEDELING_MFA=verplicht` to require two-step verification; sign-in through an OpenID
    /// Provider with `TOEDELING_OIDC_ISSUER`, `…_CLIENT_ID`, `…_CLIENT_SECRET`, `…_NAAM`, and
    /// `TOEDELING_LOKAAL_INLOGGEN=uit` to offer nothing else (the provider sends people back to
    /// `publicURL` + `/inloggen/oidc/terug`).
    private static func web(_ settings: inout Settings, publicURL: String) -> WebConfiguration {
        var web = WebConfiguration()
        web.veiligeCookies = settings.choice("TOEDELING_INSECURE_COOKIES", default: web.veiligeCookies, ["0": true, "1": false], expected: "1 or 0")
        web.tweestapVerplicht = settings.choice(
            "TOEDELING_MFA", default: web.tweestapVerplicht, ["optioneel": false, "verplicht": true], expected: "verplicht or optioneel")
        if let issuer = settings.string("TOEDELING_OIDC_ISSUER") {
            if !OpenIDSettings.isToegestaneURL(issuer) {
                settings.problems.append(ConfigurationError(
                    variable: "TOEDELING_OIDC_ISSUER", expected: "the provider's https issuer URL (http only on this machine)"))
            } else if let clientID = settings.string("TOEDELING_OIDC_CLIENT_ID") {
                web.openID = OpenIDSettings(
                    issuer: issuer, clientID: clientID, clientSecret: settings.string("TOEDELING_OIDC_CLIENT_SECRET"),
                    naam: settings.string("TOEDELING_OIDC_NAAM") ?? OpenIDSettings.standaardNaam, publiekeURL: publicURL
                )
            } else {
                settings.problems.append(ConfigurationError(
                    variable: "TOEDELING_OIDC_CLIENT_ID", expected: "the client id Toedeling is registered under (TOEDELING_OIDC_ISSUER is set)"))
            }
        } else {
            // The provider's other settings without its issuer: one mistake (the issuer is missing),
            // so one line, naming them all.
            let zonderIssuer = ["TOEDELING_OIDC_CLIENT_ID", "TOEDELING_OIDC_CLIENT_SECRET", "TOEDELING_OIDC_NAAM"].filter { naam in
                settings.string(naam) != nil
            }
            if let eerste = zonderIssuer.first {
                settings.problems.append(ConfigurationError(
                    variable: eerste, reason: "\(zonderIssuer.joined(separator: ", ")) may be set only together with TOEDELING_OIDC_ISSUER"))
            }
        }
        web.lokaalInloggen = settings.choice("TOEDELING_LOKAAL_INLOGGEN", default: web.lokaalInloggen, ["aan": true, "uit": false], expected: "aan or uit")
        // Without a provider nobody could log in; said only when no provider setting was wrong
        // already (then that is the mistake to mend).
        if !web.lokaalInloggen, web.openID == nil, settings.string("TOEDELING_OIDC_ISSUER") == nil,
            !settings.problems.contains(where: { $0.variable.hasPrefix("TOEDELING_OIDC_") })
        {
            settings.problems.append(ConfigurationError(
                variable: "TOEDELING_LOKAAL_INLOGGEN", expected: "aan, or uit only together with TOEDELING_OIDC_ISSUER (else nobody could log in)"))
        }
        return web
    }
}

/// Reads settings by their environment names through the reader, and keeps a problem for each
/// value that cannot be used (the default stands in for it, so the others are still checked).
struct Settings {
    let reader: ConfigReader
    var problems: [ConfigurationError] = []

    /// The key under which `variable` is looked up: `TOEDELING_POOL_SIZE` is `toedeling.pool.size`,
    /// which the environment provider encodes back to the same name.
    private static func key(_ variable: String) -> ConfigKey {
        ConfigKey(variable.lowercased().split(separator: "_").map(String.init))
    }

    /// The value, trimmed; nil when unset or empty. Which values are secret the providers know
    /// (`ServerConfiguration.secrets`).
    func string(_ variable: String) -> String? {
        guard let value = reader.string(forKey: Self.key(variable))?.trimmingCharacters(in: .whitespaces),
            !value.isEmpty
        else { return nil }
        return value
    }

    mutating func integer(_ variable: String, default fallback: Int, in range: ClosedRange<Int>, expected: String) -> Int {
        guard let text = string(variable) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append(ConfigurationError(variable: variable, expected: expected))
            return fallback
        }
        return value
    }

    mutating func duration(
        _ variable: String, default fallback: Duration, in range: ClosedRange<Duration> = .zero...(.seconds(1_000_000_000)),
        expected: String = "a duration such as 500ms, 5s, 10m, 24h or 3d"
    ) -> Duration {
        do {
            let value = try DurationSetting.parse(string(variable), variable: variable, fallback: fallback)
            guard range.contains(value) else {
                problems.append(ConfigurationError(variable: variable, expected: expected))
                return fallback
            }
            return value
        } catch {
            problems.append(error)
            return fallback
        }
    }

    mutating func choice<Value>(
        _ variable: String, default fallback: Value, _ options: [String: Value], expected: String, caseInsensitive: Bool = false
    ) -> Value {
        guard let text = string(variable) else { return fallback }
        guard let value = options[caseInsensitive ? text.lowercased() : text] else {
            problems.append(ConfigurationError(variable: variable, expected: expected))
            return fallback
        }
        return value
    }
}
