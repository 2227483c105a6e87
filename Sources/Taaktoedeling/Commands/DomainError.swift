/// Why a command is refused. Nothing is written when a command is refused.
public enum DomainError: Error, Sendable, Equatable {
    /// The input is invalid (HTTP 400).
    case ongeldigeInvoer(InvalidInput)
    /// The actor's role may not do this (HTTP 403); the reason in Dutch.
    case nietToegestaan(String)
    /// The dossier or round does not exist or is not visible to the actor (HTTP 404).
    case nietGevonden
    /// The fase does not allow this (HTTP 409); a Dutch sentence saying why.
    case conflict(String)

    /// The HTTP status this error maps to.
    public var httpStatus: Int {
        switch self {
        case .ongeldigeInvoer: 400
        case .nietToegestaan: 403
        case .nietGevonden: 404
        case .conflict: 409
        }
    }
}
