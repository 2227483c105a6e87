import Foundation

/// How Toedeling is registered with the organisation's OpenID Provider (WEB.md, "Sign-in through an
/// OpenID Provider"): `TOEDELING_OIDC_ISSUER`, `TOEDELING_OIDC_CLIENT_ID`,
/// `TOEDELING_OIDC_CLIENT_SECRET`, `TOEDELING_OIDC_NAAM`, and the public address the provider sends
/// the browser back to.
public struct OpenIDSettings: Sendable, Equatable {
    /// The provider's issuer identifier, exactly as its ID tokens' `iss` says it.
    public var issuer: String
    /// Toedeling's client id at the provider (the ID token's audience).
    public var clientID: String
    /// The client secret; nil for a public client (PKCE alone).
    public var clientSecret: String?
    /// The provider's name on the login button ("Inloggen met …").
    public var naam: String
    /// Where the provider sends the browser back: the public URL + `/inloggen/oidc/terug`.
    public var redirectURI: String
    /// Where the provider sends the browser after logging out there: the public URL +
    /// `/inloggen?uitgelogd=1`.
    public var postLogoutRedirectURI: String
    /// How far the clocks of the provider and this server may differ when `exp` and `iat` are checked.
    public var clockSkew: TimeInterval

    /// The path the provider sends the browser back to.
    public static let terugPad = "/inloggen/oidc/terug"
    /// The button's name when none is configured.
    public static let standaardNaam = "uw organisatie"

    /// Settings for a client registered at `issuer`, reached by people at `publiekeURL`.
    public init(
        issuer: String, clientID: String, clientSecret: String?, naam: String = OpenIDSettings.standaardNaam, publiekeURL: String,
        clockSkew: TimeInterval = 60
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.naam = naam
        let basis = publiekeURL.hasSuffix("/") ? String(publiekeURL.dropLast()) : publiekeURL
        self.redirectURI = basis + Self.terugPad
        self.postLogoutRedirectURI = basis + "/inloggen?uitgelogd=1"
        self.clockSkew = clockSkew
    }

    /// The issuer's origin (scheme, host and port), as a Content-Security-Policy source.
    public var origin: String? { Self.origin(of: issuer) }

    /// The origin of an http(s) URL.
    static func origin(of tekst: String) -> String? {
        guard let url = URL(string: tekst), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let hostDeel = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return scheme + "://" + hostDeel + (url.port.map { ":\($0)" } ?? "")
    }

    /// True for an address the server may talk to: https, or http to this machine (a provider
    /// started by the tests, or a development set-up).
    public static func isToegestaneURL(_ tekst: String) -> Bool {
        guard let url = URL(string: tekst), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty,
            url.query == nil, url.fragment == nil
        else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }
}
