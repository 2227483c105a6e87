import Foundation

/// The financial consequences for decentral governments (art. 2 Financiële-verhoudingswet).
public struct FinancieleGevolgen: Codable, Sendable, Equatable, Hashable {
    /// Structural costs per year, in euros.
    public var structureleKosten: Int
    /// One-off costs, in euros.
    public var incidenteleKosten: Int
    /// How the costs are covered.
    public var dekking: String
    /// Explanation.
    public var toelichting: String
    /// When they were recorded (the latest recording counts).
    public var vastgelegdOp: Date

    /// Creates financial consequences.
    public init(structureleKosten: Int, incidenteleKosten: Int, dekking: String, toelichting: String, vastgelegdOp: Date) {
        self.structureleKosten = structureleKosten
        self.incidenteleKosten = incidenteleKosten
        self.dekking = dekking
        self.toelichting = toelichting
        self.vastgelegdOp = vastgelegdOp
    }
}
