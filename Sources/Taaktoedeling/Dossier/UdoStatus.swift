/// Where the latest UDO of a dossier stands.
public enum UdoStatus: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Requested, outcome pending.
    case aangevraagd
    /// Outcome recorded.
    case afgerond
}
