import Foundation

/// The latest Uitvoerbaarheidstoets Decentrale Overheden of a dossier.
public struct Udo: Codable, Sendable, Equatable, Hashable {
    /// Pending or completed.
    public var status: UdoStatus
    /// Why and what was asked.
    public var toelichting: String
    /// The date by which the outcome is expected, if set.
    public var termijn: Kalenderdatum?
    /// When it was requested.
    public var aangevraagdOp: Date
    /// The outcome, once completed.
    public var uitkomst: UdoUitkomst?
    /// A summary of the outcome, once completed.
    public var samenvatting: String?
    /// Where the full report can be found, if given.
    public var vindplaats: String?
    /// When the outcome was recorded.
    public var afgerondOp: Date?

    /// Creates a UDO record.
    public init(status: UdoStatus, toelichting: String, termijn: Kalenderdatum?, aangevraagdOp: Date, uitkomst: UdoUitkomst? = nil, samenvatting: String? = nil, vindplaats: String? = nil, afgerondOp: Date? = nil) {
        self.status = status
        self.toelichting = toelichting
        self.termijn = termijn
        self.aangevraagdOp = aangevraagdOp
        self.uitkomst = uitkomst
        self.samenvatting = samenvatting
        self.vindplaats = vindplaats
        self.afgerondOp = afgerondOp
    }
}
