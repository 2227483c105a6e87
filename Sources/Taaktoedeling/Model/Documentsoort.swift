/// What kind of paper a document is.
public enum Documentsoort: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// The proposal itself, e.g. a concept wetsvoorstel.
    case voorstel
    /// The memorie van toelichting.
    case memorieVanToelichting
    /// A koepel's bestuurlijke reactie (its letter).
    case reactie
    /// The report of the uitvoerbaarheidstoets decentrale overheden.
    case udoRapport
    /// The decision.
    case besluit
    /// Further correspondence.
    case correspondentie
    /// Anything else.
    case overig

    /// The Dutch words for a page or a sentence.
    public var weergave: String {
        switch self {
        case .voorstel: "voorstel"
        case .memorieVanToelichting: "memorie van toelichting"
        case .reactie: "bestuurlijke reactie"
        case .udoRapport: "UDO-rapport"
        case .besluit: "besluit"
        case .correspondentie: "correspondentie"
        case .overig: "overig"
        }
    }
}
