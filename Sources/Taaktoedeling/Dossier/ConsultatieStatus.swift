/// Whether a consultation round still accepts reacties.
public enum ConsultatieStatus: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Accepting reacties.
    case open
    /// Closed; reacties are visible to every invited koepel.
    case gesloten
}
