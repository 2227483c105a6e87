import Dossiers
import Notifications

/// The notification channels' settings: `TOEDELING_OIN`, `TOEDELING_PUBLIC_URL`,
/// `TOEDELING_WEBHOOK_ALLOW_PRIVATE`, `TOEDELING_WEBHOOK_TIMEOUT` (10s),
/// `TOEDELING_WEBHOOK_MAX_BACKOFF` (1h), `TOEDELING_WEBHOOK_RETRY_FOR` (3d), `TOEDELING_WEBHOOK_LEASE`
/// (30s; at least the timeout plus 5 s), `TOEDELING_SMTP_URL`,
/// `TOEDELING_SMTP_FROM`, `TOEDELING_SMTP_CA`.
public struct NotificationSettings: Sendable {
    /// Sender, public address and allowed targets.
    public var instellingen: NotificatieInstellingen
    /// How deliveries are retried.
    public var beleid: WebhookWachtrij.Beleid
    /// How long a receiver has to answer.
    public var webhookTimeout: Duration
    /// The e-mail relay; nil sends no e-mail.
    public var smtp: SMTPInstelling?
    /// How long an instance holds a subscription's deliveries without renewing: after an instance
    /// dies, another takes its subscriptions over within this.
    public var webhookLease: Duration = .seconds(30)

    /// Creates settings.
    public init(
        instellingen: NotificatieInstellingen = NotificatieInstellingen(), beleid: WebhookWachtrij.Beleid = .init(),
        webhookTimeout: Duration = .seconds(10), smtp: SMTPInstelling? = nil
    ) {
        self.instellingen = instellingen
        self.beleid = beleid
        self.webhookTimeout = webhookTimeout
        self.smtp = smtp
    }

    /// The settings from the environment; a `ConfigurationError` names a wrong one.
    public static func from(environment: [String: String], port: Int) throws -> NotificationSettings {
        let oin = environment["TOEDELING_OIN"].flatMap { $0.isEmpty ? nil : $0 } ?? NotificatieInstellingen.onbekendeOIN
        guard oin.count == 20, oin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ConfigurationError(variable: "TOEDELING_OIN", expected: "an OIN of 20 digits")
        }
        let publiek = environment["TOEDELING_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:\(port)"
        guard publiek.hasPrefix("http://") || publiek.hasPrefix("https://") else {
            throw ConfigurationError(variable: "TOEDELING_PUBLIC_URL", expected: "an http(s) URL such as https://toedeling.example.nl")
        }
        let privaat: Bool
        switch environment["TOEDELING_WEBHOOK_ALLOW_PRIVATE"] ?? "" {
        case "", "0": privaat = false
        case "1": privaat = true
        default: throw ConfigurationError(variable: "TOEDELING_WEBHOOK_ALLOW_PRIVATE", expected: "1 or 0")
        }
        func duur(_ naam: String, _ standaard: Duration) throws -> Duration {
            let waarde = try DurationSetting.parse(environment[naam], variable: naam, fallback: standaard)
            guard waarde > .zero else { throw ConfigurationError(variable: naam, expected: "a duration above zero") }
            return waarde
        }
        var smtp: SMTPInstelling?
        if let url = environment["TOEDELING_SMTP_URL"], !url.isEmpty {
            let afzender = environment["TOEDELING_SMTP_FROM"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "Toedeling <noreply@\(NotificatieInstellingen(publiekeURL: publiek).berichtDomein)>"
            smtp = SMTPInstelling(url: url, afzender: afzender, caBestand: environment["TOEDELING_SMTP_CA"].flatMap { $0.isEmpty ? nil : $0 })
            guard smtp != nil else {
                throw ConfigurationError(variable: "TOEDELING_SMTP_URL", expected: "smtp://[user:password@]host[:port] or smtps://…")
            }
        }
        var settings = NotificationSettings(
            instellingen: NotificatieInstellingen(oin: oin, publiekeURL: publiek, privaatToegestaan: privaat),
            beleid: WebhookWachtrij.Beleid(
                eersteWacht: .seconds(1), langsteWacht: try duur("TOEDELING_WEBHOOK_MAX_BACKOFF", .seconds(3600)),
                opgevenNa: try duur("TOEDELING_WEBHOOK_RETRY_FOR", .seconds(3 * 86_400))
            ),
            webhookTimeout: try duur("TOEDELING_WEBHOOK_TIMEOUT", .seconds(10)),
            smtp: smtp
        )
        settings.webhookLease = try duur("TOEDELING_WEBHOOK_LEASE", .seconds(30))
        guard settings.webhookLease >= .seconds(1) else {
            throw ConfigurationError(variable: "TOEDELING_WEBHOOK_LEASE", expected: "at least 1s")
        }
        return settings
    }
}
