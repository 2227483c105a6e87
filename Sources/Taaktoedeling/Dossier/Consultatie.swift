import Foundation

/// One consultation round of the koepels.
public struct Consultatie: Codable, Sendable, Equatable, Hashable {
    /// The round number, 1, 2, … in opening order.
    public var ronde: Int
    /// The invited koepels, in the order VNG, IPO, UvW.
    public var koepels: [Koepel]
    /// The last day for a timely reactie (Europe/Amsterdam).
    public var termijn: Kalenderdatum
    /// Open or closed.
    public var status: ConsultatieStatus
    /// When the round was opened.
    public var geopendOp: Date
    /// When the round was closed.
    public var geslotenOp: Date?
    /// The reacties in order of registration.
    public var reacties: [Reactie]

    /// Creates a round.
    public init(ronde: Int, koepels: [Koepel], termijn: Kalenderdatum, status: ConsultatieStatus, geopendOp: Date, geslotenOp: Date? = nil, reacties: [Reactie] = []) {
        self.ronde = ronde
        self.koepels = koepels
        self.termijn = termijn
        self.status = status
        self.geopendOp = geopendOp
        self.geslotenOp = geslotenOp
        self.reacties = reacties
    }

    /// The reactie of the given koepel in this round, if any.
    public func reactie(van koepel: Koepel) -> Reactie? {
        reacties.first { $0.koepel == koepel }
    }
}
