import Foundation

/// What a session holds: whose it is, how far the login got, its CSRF token and its age. Stored by
/// `PostgresSessionDriver` under a hash of the cookie's session id.
public struct WebSession: Codable, Sendable, Equatable {
    /// How far the login got.
    public enum Stap: String, Codable, Sendable {
        /// The password was right; the TOTP code is still to come.
        case code
        /// The password was right; two-step verification is required and must first be set up.
        case tweestapInstellen
        /// Logged in.
        case ingelogd
    }

    /// The account.
    public var gebruikerID: UUID
    /// The account's session generation at login; a later one (blocked, restored) ends this session.
    public var generatie: Int
    /// How far the login got.
    public var stap: Stap
    /// The CSRF token every form of this session carries.
    public var csrf: String
    /// When the login began: the session ends 12 hours after, whatever is done.
    public var aangemaaktOp: Date
    /// When the session was last extended (the idle timeout runs from there).
    public var verlengdOp: Date
    /// A TOTP secret being set up, until its first code is confirmed.
    public var nieuwTotpGeheim: String?
    /// True when the person signed in through the OpenID Provider (logging out then ends the
    /// provider's session too, where it offers that); absent in sessions of a password login.
    public var viaOpenID: Bool? = nil
}
