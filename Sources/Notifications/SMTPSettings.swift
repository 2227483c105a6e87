import Foundation

/// Where e-mail goes (`TOEDELING_SMTP_URL`): `smtp://[user:password@]host[:port]` sends with
/// STARTTLS whenever the relay offers it (and requires it before logging in), `smtps://` speaks TLS
/// from the start. The relay's certificate is checked against the system's roots and, if given,
/// the PEM file `TOEDELING_SMTP_CA`.
public struct SMTPSettings: Sendable, Equatable {
    /// The relay's host name.
    public var host: String
    /// Its port (25, or 465 for `smtps`).
    public var port: Int
    /// TLS from the first byte (`smtps`).
    public var impliciteTLS: Bool
    /// The user name to log in with, if any.
    public var gebruiker: String?
    /// Its password.
    public var wachtwoord: String?
    /// The `From` address, e.g. `Toedeling <noreply@toedeling.example>` (`TOEDELING_SMTP_FROM`).
    public var afzender: String
    /// A PEM file of extra trusted roots.
    public var caBestand: String?

    /// Reads a URL; nil when it is not an `smtp` or `smtps` URL with a host.
    public init?(url tekst: String, afzender: String, caBestand: String? = nil) {
        guard let url = URLComponents(string: tekst), let scheme = url.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
            let host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/"
        else { return nil }
        self.host = host
        self.impliciteTLS = scheme == "smtps"
        self.port = url.port ?? (scheme == "smtps" ? 465 : 25)
        self.gebruiker = url.user?.removingPercentEncoding
        self.wachtwoord = url.password?.removingPercentEncoding
        self.afzender = afzender
        self.caBestand = caBestand
    }

    /// The bare address in `afzender` (inside angle brackets, if there are any).
    public var afzenderAdres: String {
        if let open = afzender.lastIndex(of: "<"), let dicht = afzender.lastIndex(of: ">"), open < dicht {
            return String(afzender[afzender.index(after: open)..<dicht])
        }
        return afzender.trimmingCharacters(in: .whitespaces)
    }
}
