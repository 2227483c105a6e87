/// Where a koepel's reactie stands in a report row.
public enum ReactieStand: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A timely reactie was received.
    case ontvangen
    /// A reactie was received after the termijn.
    case teLaat
    /// Invited, but no reactie (yet).
    case ontbreekt
    /// Never invited.
    case nietUitgenodigd

    /// The state as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .ontvangen: "ontvangen"
        case .teLaat: "te laat"
        case .ontbreekt: "ontbreekt"
        case .nietUitgenodigd: "niet uitgenodigd"
        }
    }
}
