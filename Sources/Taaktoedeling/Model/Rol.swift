/// The role a token holder acts in.
public enum Rol: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A BZK coordinating officer: may do everything.
    case coordinator
    /// A koepel, scoped to one `Koepel`: only its own reactie in rounds it is invited to.
    case koepel
    /// A parliament liaison: reads everything, may only link Kamerstukken.
    case liaison
}
