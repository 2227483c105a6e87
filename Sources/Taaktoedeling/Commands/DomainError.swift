/// Why a command is refused. Nothing is written when a command is refused.
public enum DomainError: Error, Sendable, Equatable {
    /// The input is invalid.
    case ongeldigeInvoer(InvalidInput)
    /// The actor's role may not do this; the reason in Dutch.
    case nietToegestaan(String)
    /// The dossier or round does not exist or is not visible to the actor.
    case nietGevonden
    /// The fase does not allow this; a Dutch sentence saying why.
    case conflict(String)
}
