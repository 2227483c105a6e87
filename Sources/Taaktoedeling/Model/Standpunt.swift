/// The position a koepel takes in its bestuurlijke reactie.
public enum Standpunt: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Agrees.
    case instemmend
    /// Agrees with reservations.
    case instemmendMetKanttekeningen
    /// Objects.
    case bezwaar

    /// The position as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .instemmend: "instemmend"
        case .instemmendMetKanttekeningen: "instemmend met kanttekeningen"
        case .bezwaar: "bezwaar"
        }
    }
}
