/// The outcome of an Uitvoerbaarheidstoets Decentrale Overheden.
public enum UdoUitkomst: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// The task can be carried out.
    case uitvoerbaar
    /// The task can be carried out under conditions.
    case uitvoerbaarMetVoorwaarden
    /// The task cannot be carried out.
    case nietUitvoerbaar

    /// The outcome as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .uitvoerbaar: "uitvoerbaar"
        case .uitvoerbaarMetVoorwaarden: "uitvoerbaar met voorwaarden"
        case .nietUitvoerbaar: "niet uitvoerbaar"
        }
    }
}
