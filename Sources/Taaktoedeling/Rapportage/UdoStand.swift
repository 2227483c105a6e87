/// Where the UDO of a dossier stands in a report row.
public enum UdoStand: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// No UDO requested.
    case nietAangevraagd
    /// Requested, pending.
    case aangevraagd
    /// Completed: feasible.
    case uitvoerbaar
    /// Completed: feasible under conditions.
    case uitvoerbaarMetVoorwaarden
    /// Completed: not feasible.
    case nietUitvoerbaar

    /// The state of a dossier's latest UDO.
    public init(_ udo: Udo?) {
        switch (udo?.status, udo?.uitkomst) {
        case (nil, _): self = .nietAangevraagd
        case (.aangevraagd, _), (.afgerond, nil): self = .aangevraagd
        case (.afgerond, .uitvoerbaar): self = .uitvoerbaar
        case (.afgerond, .uitvoerbaarMetVoorwaarden): self = .uitvoerbaarMetVoorwaarden
        case (.afgerond, .nietUitvoerbaar): self = .nietUitvoerbaar
        }
    }

    /// The state as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .nietAangevraagd: "niet aangevraagd"
        case .aangevraagd: "aangevraagd"
        case .uitvoerbaar: "uitvoerbaar"
        case .uitvoerbaarMetVoorwaarden: "uitvoerbaar met voorwaarden"
        case .nietUitvoerbaar: "niet uitvoerbaar"
        }
    }
}
