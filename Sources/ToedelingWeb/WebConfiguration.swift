import Dossiers
import Foundation

/// How the web application is set up (from the server's environment).
public struct WebConfiguration: Sendable {
    /// False only with `TOEDELING_INSECURE_COOKIES=1` (plain-http local use): then the cookies lack
    /// `Secure` and, since browsers refuse a `__Host-` cookie without it, the prefix.
    public var veiligeCookies: Bool
    /// `TOEDELING_MFA=verplicht`: every account must use two-step verification.
    public var tweestapVerplicht: Bool
    /// How long a session lasts without use.
    public var inactiefNa: Duration
    /// How long a session lasts at most.
    public var hoogstens: Duration
    /// The `Strict-Transport-Security` value, or nil.
    public var strictTransportSecurity: String?
    /// Sign-in through the organisation's OpenID Provider, when configured.
    public var openID: OpenIDSettings?
    /// False with `TOEDELING_LOKAAL_INLOGGEN=uit`: no password form, sign-in only through the provider.
    public var lokaalInloggen: Bool
    /// The path prefixes served beside the web application on the same port (the API's, told by
    /// the server that mounts both): never a page to return to after login.
    public var andermansPaden: [String] = []

    /// The settings; the defaults are WEB.md's (30 minutes idle, 12 hours at most, secure cookies).
    public init(
        veiligeCookies: Bool = true, tweestapVerplicht: Bool = false, inactiefNa: Duration = .seconds(30 * 60),
        hoogstens: Duration = .seconds(12 * 3600), strictTransportSecurity: String? = nil, openID: OpenIDSettings? = nil,
        lokaalInloggen: Bool = true
    ) {
        self.openID = openID
        self.lokaalInloggen = lokaalInloggen
        self.veiligeCookies = veiligeCookies
        self.tweestapVerplicht = tweestapVerplicht
        self.inactiefNa = inactiefNa
        self.hoogstens = hoogstens
        self.strictTransportSecurity = strictTransportSecurity
    }

    /// The session cookie's name.
    var sessieCookie: String { veiligeCookies ? "__Host-toedeling" : "toedeling" }
    /// The name of the cookie that binds the forms shown before login.
    var csrfCookie: String { veiligeCookies ? "__Host-toedeling-csrf" : "toedeling-csrf" }
    /// The name of the cookie that binds a sign-in at the OpenID Provider to this browser.
    var openIDCookie: String { veiligeCookies ? "__Host-toedeling-oidc" : "toedeling-oidc" }
}

/// What the web application works with: the same application service as the API, the accounts,
/// the session rows, and a clock (injected by tests).
public struct WebDependencies: Sendable {
    public var service: DossierService
    public var gebruikers: GebruikerStore
    public var sessies: SessionStore
    public var nu: @Sendable () -> Date
    /// The largest document accepted, in bytes (`TOEDELING_DOCUMENT_MAX_BYTES`).
    public var maximumDocumentBytes: Int64

    public init(
        service: DossierService, gebruikers: GebruikerStore, sessies: SessionStore, nu: @escaping @Sendable () -> Date = { Date() },
        maximumDocumentBytes: Int64 = DocumentUpload.standaardMaximum
    ) {
        self.service = service
        self.gebruikers = gebruikers
        self.sessies = sessies
        self.nu = nu
        self.maximumDocumentBytes = maximumDocumentBytes
    }
}
