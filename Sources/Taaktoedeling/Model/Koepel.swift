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
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
