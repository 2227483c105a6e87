/// The decision on the layer was recorded.
public struct BesluitVastgelegd: Codable, Sendable, Equatable, Hashable {
    /// The chosen layer.
    public var bestuurslaag: Bestuurslaag
    /// Why.
    public var motivering: String
    /// Whether it differs from the advice's first choice.
    public var afwijkingVanAdvies: Bool
    /// The advice's first choice at the time.
    public var geadviseerdeBestuurslaag: Bestuurslaag

    /// Creates the event.
    public init(bestuurslaag: Bestuurslaag, motivering: String, afwijkingVanAdvies: Bool, geadviseerdeBestuurslaag: Bestuurslaag) {
        self.bestuurslaag = bestuurslaag
        self.motivering = motivering
        self.afwijkingVanAdvies = afwijkingVanAdvies
        self.geadviseerdeBestuurslaag = geadviseerdeBestuurslaag
    }
}
