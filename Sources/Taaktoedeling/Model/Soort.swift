/// Whether a proposal concerns a statutory task or a power.
public enum Soort: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// A wettelijke taak.
    case taak
    /// A wettelijke bevoegdheid.
    case bevoegdheid
}
