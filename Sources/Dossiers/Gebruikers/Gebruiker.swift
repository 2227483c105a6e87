import Foundation
import Taaktoedeling

/// A personal account of the web application: who a person is, in which role they work and, for a
/// koepel, for which koepel.
public struct Gebruiker: Sendable, Equatable, Hashable {
    /// The account's id, recorded in the metadata of every event the person causes.
    public var id: UUID
    /// The e-mail address, unique whatever its case.
    public var email: String
    /// The person's name, as the timeline shows it.
    public var naam: String
    /// The capacity the person works in (a koepel account carries its koepel).
    public var hoedanigheid: Hoedanigheid
    /// True once blocked: no login and no session until restored.
    public var geblokkeerd: Bool
    /// True once a password was set (through the activation link or on creation).
    public var heeftWachtwoord: Bool
    /// The TOTP secret once two-step verification is set up.
    public var totpGeheim: String?
    /// Sessions of an older generation are over (raised by blocking, restoring and a new password).
    public var sessieGeneratie: Int
    /// When the account was created.
    public var aangemaaktOp: Date
    /// The provider account this account is bound to (after its first sign-in through OpenID
    /// Connect), or nil.
    public var openID: OpenIDKoppeling?
    /// The bcrypt hash of the password; never leaves this module.
    var wachtwoordHash: String?

    /// Creates an account value.
    public init(
        id: UUID, email: String, naam: String, hoedanigheid: Hoedanigheid, geblokkeerd: Bool, heeftWachtwoord: Bool,
        totpGeheim: String?, sessieGeneratie: Int, aangemaaktOp: Date
    ) {
        self.id = id
        self.email = email
        self.naam = naam
        self.hoedanigheid = hoedanigheid
        self.geblokkeerd = geblokkeerd
        self.heeftWachtwoord = heeftWachtwoord
        self.totpGeheim = totpGeheim
        self.sessieGeneratie = sessieGeneratie
        self.aangemaaktOp = aangemaaktOp
    }

    /// The role the person works in.
    public var rol: Rol { hoedanigheid.rol }
    /// The koepel, exactly for a koepel account.
    public var koepel: Koepel? { hoedanigheid.koepel }

    /// The person as the domain sees who acts: name, capacity and the account's id.
    public var actor: Actor {
        Actor(gebruikerID: id, naam: naam, hoedanigheid: hoedanigheid)
    }

    /// True when two-step verification is set up.
    public var heeftTweestap: Bool { totpGeheim != nil }
}

/// An account's binding to a person at an OpenID Provider: the ID token's `iss` and `sub`, which
/// together name that person for good (an e-mail address may change hands).
public struct OpenIDKoppeling: Sendable, Equatable, Hashable {
    /// The provider (`iss`).
    public var issuer: String
    /// The person at that provider (`sub`).
    public var subject: String

    /// Creates a binding.
    public init(issuer: String, subject: String) {
        self.issuer = issuer
        self.subject = subject
    }
}
