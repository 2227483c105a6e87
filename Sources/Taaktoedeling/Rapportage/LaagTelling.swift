/// How many dossiers have a layer (advised or chosen).
public struct LaagTelling: Codable, Sendable, Equatable, Hashable {
    /// The layer.
    public var bestuurslaag: Bestuurslaag
    /// The number of dossiers.
    public var aantal: Int

    /// Creates a count.
    public init(bestuurslaag: Bestuurslaag, aantal: Int) {
        self.bestuurslaag = bestuurslaag
        self.aantal = aantal
    }
}
