/// How much policy freedom the executing government would have.
public enum Beleidsvrijheid: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Much policy freedom.
    case veel
    /// Little policy freedom.
    case weinig
}
