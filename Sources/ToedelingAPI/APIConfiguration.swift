import ToedelingWeb
/// What the HTTP server is told from outside: where to listen and which browser origins may call it.
public struct APIConfiguration: Sendable {
    /// The address to bind.
    public var hostname: String
    /// The port to bind.
    public var port: Int
    /// The origins allowed cross-origin access (exact match, e.g. `https://portaal.example.nl`).
    public var corsOrigins: [String]
    /// The `Strict-Transport-Security` header to send, when the server is reached over TLS
    /// (`TOEDELING_HSTS_MAX_AGE`); nil sends none.
    public var strictTransportSecurity: String?
    /// The web application's settings (cookies, two-step verification, session lifetimes).
    public var web: WebConfiguratie
    /// How long a connection may take to send a complete request head, and stay idle between
    /// requests (`TOEDELING_HTTP_IDLE_TIMEOUT`).
    public var idleTimeout: Duration = .seconds(30)
    /// How many HTTP connections one instance holds at once (`TOEDELING_HTTP_MAX_CONNECTIONS`).
    public var maximumHTTPConnections: Int = 4096

    /// Creates a configuration.
    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, corsOrigins: [String] = [], strictTransportSecurity: String? = nil,
        web: WebConfiguratie = WebConfiguratie()
    ) {
        self.web = web
        self.web.strictTransportSecurity = strictTransportSecurity
        self.hostname = hostname
        self.port = port
        self.corsOrigins = corsOrigins
        self.strictTransportSecurity = strictTransportSecurity
    }

    /// Parses `TOEDELING_HSTS_MAX_AGE` (seconds, behind TLS): the header value, nil when unset or empty.
    public static func strictTransportSecurity(fromEnvironmentValue value: String?) throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard let seconds = Int(value), seconds >= 0 else { throw ConfigurationError(variable: "TOEDELING_HSTS_MAX_AGE", expected: "a number of seconds") }
        return "max-age=\(seconds); includeSubDomains"
    }

    /// Parses `TOEDELING_HTTP_IDLE_TIMEOUT` (a duration, 1 s to 1 h) and `TOEDELING_HTTP_MAX_CONNECTIONS`
    /// (16 to 1,000,000).
    public static func connections(fromEnvironment environment: [String: String]) throws -> (idleTimeout: Duration, maximum: Int) {
        let idle = try DurationSetting.parse(environment["TOEDELING_HTTP_IDLE_TIMEOUT"], variable: "TOEDELING_HTTP_IDLE_TIMEOUT", fallback: .seconds(30))
        guard idle >= .seconds(1), idle <= .seconds(3600) else {
            throw ConfigurationError(variable: "TOEDELING_HTTP_IDLE_TIMEOUT", expected: "a duration from 1s to 1h")
        }
        var maximum = 4096
        if let value = environment["TOEDELING_HTTP_MAX_CONNECTIONS"], !value.isEmpty {
            guard let number = Int(value), (16...1_000_000).contains(number) else {
                throw ConfigurationError(variable: "TOEDELING_HTTP_MAX_CONNECTIONS", expected: "a number from 16 to 1000000")
            }
            maximum = number
        }
        return (idle, maximum)
    }

    /// Parses `TOEDELING_CORS_ORIGINS`: a comma- or space-separated list of origins.
    public static func corsOrigins(fromEnvironmentValue value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    /// The web application's settings from the environment: `TOEDELING_INSECURE_COOKIES=1` for
    /// plain-http local use, `TOEDELING_MFA=verplicht` to require two-step verification.
    /// Sign-in through an OpenID Provider: `TOEDELING_OIDC_ISSUER`, `TOEDELING_OIDC_CLIENT_ID`,
    /// `TOEDELING_OIDC_CLIENT_SECRET`, `TOEDELING_OIDC_NAAM`, and `TOEDELING_LOKAAL_INLOGGEN=uit` to
    /// offer nothing else; the provider sends people back to `publicURL` + `/inloggen/oidc/terug`.
    public static func web(fromEnvironment environment: [String: String], publicURL: String) throws -> WebConfiguratie {
        var web = WebConfiguratie()
        switch environment["TOEDELING_INSECURE_COOKIES"] ?? "" {
        case "", "0": web.veiligeCookies = true
        case "1": web.veiligeCookies = false
        default: throw ConfigurationError(variable: "TOEDELING_INSECURE_COOKIES", expected: "1 or 0")
        }
        switch environment["TOEDELING_MFA"] ?? "" {
        case "", "optioneel": web.tweestapVerplicht = false
        case "verplicht": web.tweestapVerplicht = true
        default: throw ConfigurationError(variable: "TOEDELING_MFA", expected: "verplicht or optioneel")
        }
        func waarde(_ naam: String) -> String? { environment[naam].flatMap { $0.isEmpty ? nil : $0 } }
        if let issuer = waarde("TOEDELING_OIDC_ISSUER") {
            guard OpenIDSettings.isToegestaneURL(issuer) else {
                throw ConfigurationError(variable: "TOEDELING_OIDC_ISSUER", expected: "the provider's https issuer URL (http only on this machine)")
            }
            guard let clientID = waarde("TOEDELING_OIDC_CLIENT_ID") else {
                throw ConfigurationError(variable: "TOEDELING_OIDC_CLIENT_ID", expected: "the client id Toedeling is registered under (TOEDELING_OIDC_ISSUER is set)")
            }
            web.openID = OpenIDSettings(
                issuer: issuer, clientID: clientID, clientSecret: waarde("TOEDELING_OIDC_CLIENT_SECRET"),
                naam: waarde("TOEDELING_OIDC_NAAM") ?? OpenIDSettings.standaardNaam, publiekeURL: publicURL
            )
        } else {
            for naam in ["TOEDELING_OIDC_CLIENT_ID", "TOEDELING_OIDC_CLIENT_SECRET", "TOEDELING_OIDC_NAAM"] where waarde(naam) != nil {
                throw ConfigurationError(variable: naam, expected: "to be set only together with TOEDELING_OIDC_ISSUER")
            }
        }
        switch environment["TOEDELING_LOKAAL_INLOGGEN"] ?? "" {
        case "", "aan": web.lokaalInloggen = true
        case "uit":
            guard web.openID != nil else {
                throw ConfigurationError(variable: "TOEDELING_LOKAAL_INLOGGEN", expected: "aan, or uit only together with TOEDELING_OIDC_ISSUER (else nobody could log in)")
            }
            web.lokaalInloggen = false
        default: throw ConfigurationError(variable: "TOEDELING_LOKAAL_INLOGGEN", expected: "aan or uit")
        }
        return web
    }
}
