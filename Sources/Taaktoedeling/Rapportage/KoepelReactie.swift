/// The reactie state of one koepel in a report row.
public struct KoepelReactie: Codable, Sendable, Equatable, Hashable {
    /// The koepel.
    public var koepel: Koepel
    /// Its state in the latest round it was invited to.
    public var stand: ReactieStand

    /// Creates the pair.
    public init(koepel: Koepel, stand: ReactieStand) {
        self.koepel = koepel
        self.stand = stand
    }
}
