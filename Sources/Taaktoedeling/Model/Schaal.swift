/// The scale at which a task fits.
public enum Schaal: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Local.
    case lokaal
    /// Regional.
    case regionaal
    /// National.
    case landelijk
}
