/// A consultation round was opened for the named koepels.
public struct ConsultatieGeopend: Codable, Sendable, Equatable, Hashable {
    /// The round number.
    public var ronde: Int
    /// The invited koepels, in the order VNG, IPO, UvW.
    public var koepels: [Koepel]
    /// The last day for a timely reactie.
    public var termijn: Kalenderdatum

    /// Creates the event.
    public init(ronde: Int, koepels: [Koepel], termijn: Kalenderdatum) {
        self.ronde = ronde
        self.koepels = koepels
        self.termijn = termijn
    }
}
