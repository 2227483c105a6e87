import Dossiers
import Foundation
import Taaktoedeling

/// What every notification channel is told from outside: who sends (the OIN in each CloudEvent's
/// `source`), where the product is reached (links and `dataref`), and which callback targets are allowed.
public struct NotificationSettings: Sendable, Equatable {
    /// The sender's OIN (`TOEDELING_OIN`), 20 digits.
    public var oin: String
    /// The product's public address without a trailing slash (`TOEDELING_PUBLIC_URL`).
    public var publiekeURL: String
    /// Whether plain `http` and loopback, private or link-local targets are allowed
    /// (`TOEDELING_WEBHOOK_ALLOW_PRIVATE=1`: tests and closed networks).
    public var privaatToegestaan: Bool

    /// The NOTIFY channel on which instances are told that deliveries or messages are waiting.
    public static let kanaal = "toedeling_notificaties"

    /// Creates settings.
    public init(oin: String = OIN.onbekend, publiekeURL: String = "http://127.0.0.1:8080", privaatToegestaan: Bool = false) {
        self.oin = oin
        var url = publiekeURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publiekeURL = url
        self.privaatToegestaan = privaatToegestaan
    }

    /// The CloudEvents `source` of every event (NL GOV profile).
    public var source: String { "urn:nld:oin:\(oin):systeem:toedeling" }

    /// The domain used in `Message-ID`s: the host of the public address.
    public var berichtDomein: String {
        URL(string: publiekeURL)?.host ?? "toedeling.local"
    }
}
