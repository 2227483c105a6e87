/// An association of decentral governments that is consulted on a dossier.
public enum Koepel: String, Codable, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Vereniging van Nederlandse Gemeenten.
    case VNG
    /// Interprovinciaal Overleg.
    case IPO
    /// Unie van Waterschappen.
    case UvW

    /// Orders koepels as they are listed in the product: VNG, IPO, UvW.
    public static func < (lhs: Koepel, rhs: Koepel) -> Bool {
        lhs.rangorde < rhs.rangorde
    }

    private var rangorde: Int {
        switch self {
        case .VNG: 0
        case .IPO: 1
        case .UvW: 2
        }
    }
}
