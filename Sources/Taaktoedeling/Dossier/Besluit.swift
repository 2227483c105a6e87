import Foundation

/// The decision on which layer gets the task.
public struct Besluit: Codable, Sendable, Equatable, Hashable {
    /// The chosen layer.
    public var bestuurslaag: Bestuurslaag
    /// Why; never empty, and it must explain a deviation from the advice.
    public var motivering: String
    /// True when the chosen layer differs from the advice's first choice.
    public var afwijkingVanAdvies: Bool
    /// The first choice of the advice the decision was taken against.
    public var geadviseerdeBestuurslaag: Bestuurslaag
    /// When it was recorded.
    public var vastgelegdOp: Date

    /// Creates a decision.
    public init(bestuurslaag: Bestuurslaag, motivering: String, afwijkingVanAdvies: Bool, geadviseerdeBestuurslaag: Bestuurslaag, vastgelegdOp: Date) {
        self.bestuurslaag = bestuurslaag
        self.motivering = motivering
        self.afwijkingVanAdvies = afwijkingVanAdvies
        self.geadviseerdeBestuurslaag = geadviseerdeBestuurslaag
        self.vastgelegdOp = vastgelegdOp
    }
}
