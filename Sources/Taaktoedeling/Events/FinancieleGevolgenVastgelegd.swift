/// The financial consequences for decentral governments were recorded.
public struct FinancieleGevolgenVastgelegd: Codable, Sendable, Equatable, Hashable {
    /// Structural costs per year, in euros.
    public var structureleKosten: Int
    /// One-off costs, in euros.
    public var incidenteleKosten: Int
    /// How the costs are covered.
    public var dekking: String
    /// Explanation.
    public var toelichting: String

    /// Creates the event.
    public init(structureleKosten: Int, incidenteleKosten: Int, dekking: String, toelichting: String) {
        self.structureleKosten = structureleKosten
        self.incidenteleKosten = incidenteleKosten
        self.dekking = dekking
        self.toelichting = toelichting
    }
}
