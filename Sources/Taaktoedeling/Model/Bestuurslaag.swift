/// A layer of government (or body) a task can be assigned to.
public enum Bestuurslaag: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A municipality.
    case gemeente
    /// A province.
    case provincie
    /// A water authority.
    case waterschap
    /// A joint arrangement under the Wet gemeenschappelijke regelingen.
    case gemeenschappelijkeRegeling
    /// A (deconcentrated) central-government implementing organisation.
    case rijksuitvoeringsorganisatie
    /// A functional administrative body.
    case functioneelBestuur
    /// Central government.
    case rijk

    /// True for the decentral layers (gemeente, provincie, waterschap, gemeenschappelijke regeling).
    public var isDecentraal: Bool {
        switch self {
        case .gemeente, .provincie, .waterschap, .gemeenschappelijkeRegeling: true
        case .rijksuitvoeringsorganisatie, .functioneelBestuur, .rijk: false
        }
    }

    /// The layer as a Dutch phrase.
    public var weergave: String {
        switch self {
        case .gemeente: "gemeente"
        case .provincie: "provincie"
        case .waterschap: "waterschap"
        case .gemeenschappelijkeRegeling: "gemeenschappelijke regeling"
        case .rijksuitvoeringsorganisatie: "rijksuitvoeringsorganisatie"
        case .functioneelBestuur: "functioneel bestuur"
        case .rijk: "Rijk"
        }
    }

    /// The layer with its Dutch article, for sentences: `de provincie`, `het Rijk`.
    public var metLidwoord: String {
        switch self {
        case .gemeente: "de gemeente"
        case .provincie: "de provincie"
        case .waterschap: "het waterschap"
        case .gemeenschappelijkeRegeling: "een gemeenschappelijke regeling"
        case .rijksuitvoeringsorganisatie: "een rijksuitvoeringsorganisatie"
        case .functioneelBestuur: "een functioneel bestuursorgaan"
        case .rijk: "het Rijk"
        }
    }
}
