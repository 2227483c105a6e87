/// The ordered advice of the afwegingskader for given `Taakkenmerken`.
public struct Advies: Codable, Sendable, Equatable, Hashable {
    /// The first choice.
    public var bestuurslaag: Bestuurslaag
    /// Further layers to weigh, in order, never containing the first choice.
    public var alternatieven: [Bestuurslaag]
    /// Every rule that fired, in the order R1…R9.
    public var regels: [AdviesRegel]
    /// Whether a UDO is required (rule R9: the first choice is decentral).
    public var udoVereist: Bool
    /// Warnings in Dutch (non-congruent regions, semi-mandatory cooperation, no decentral fit).
    public var waarschuwingen: [String]

    /// Creates an advice.
    public init(bestuurslaag: Bestuurslaag, alternatieven: [Bestuurslaag], regels: [AdviesRegel], udoVereist: Bool, waarschuwingen: [String]) {
        self.bestuurslaag = bestuurslaag
        self.alternatieven = alternatieven
        self.regels = regels
        self.udoVereist = udoVereist
        self.waarschuwingen = waarschuwingen
    }
}
