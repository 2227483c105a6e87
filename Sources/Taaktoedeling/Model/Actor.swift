import Foundation

/// Who issues a command or reads a dossier: the holder of a bearer token, or a person logged in to
/// the web application with their account.
public struct Actor: Sendable, Equatable, Hashable {
    /// The id of the token used, when the actor came in through a token.
    public var tokenID: UUID?
    /// The id of the web account, when the actor came in through the web application.
    public var gebruikerID: UUID?
    /// The name recorded with the token (a person or office).
    public var naam: String
    /// The capacity the actor acts in (a koepel carries its koepel).
    public var hoedanigheid: Hoedanigheid

    /// Creates an actor.
    public init(tokenID: UUID? = nil, gebruikerID: UUID? = nil, naam: String, hoedanigheid: Hoedanigheid) {
        self.tokenID = tokenID
        self.gebruikerID = gebruikerID
        self.naam = naam
        self.hoedanigheid = hoedanigheid
    }

    /// The role the actor acts in.
    public var rol: Rol { hoedanigheid.rol }
    /// The koepel the actor speaks for; set exactly when `rol` is `.koepel`.
    public var koepel: Koepel? { hoedanigheid.koepel }
}
