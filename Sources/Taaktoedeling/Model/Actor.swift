import Foundation

/// Who issues a command or reads a dossier: the holder of a bearer token, or a person logged in to
/// the web application with their account.
public struct Actor: Codable, Sendable, Equatable, Hashable {
    /// The id of the token used, when the actor came in through a token.
    public var tokenID: UUID?
    /// The id of the web account, when the actor came in through the web application.
    public var gebruikerID: UUID?
    /// The name recorded with the token (a person or office).
    public var naam: String
    /// The role the actor acts in.
    public var rol: Rol
    /// The koepel the actor speaks for; set exactly when `rol` is `.koepel`.
    public var koepel: Koepel?

    /// Creates an actor.
    public init(tokenID: UUID? = nil, gebruikerID: UUID? = nil, naam: String, rol: Rol, koepel: Koepel? = nil) {
        self.tokenID = tokenID
        self.gebruikerID = gebruikerID
        self.naam = naam
        self.rol = rol
        self.koepel = koepel
    }
}
