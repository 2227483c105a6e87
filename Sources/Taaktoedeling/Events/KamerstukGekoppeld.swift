/// A Kamerstuk was linked to the dossier.
public struct KamerstukGekoppeld: Codable, Sendable, Equatable, Hashable {
    /// The number, e.g. `33047-43`.
    public var nummer: String
    /// The title.
    public var titel: String
    /// The date of the Kamerstuk.
    public var datum: Kalenderdatum

    /// Creates the event.
    public init(nummer: String, titel: String, datum: Kalenderdatum) {
        self.nummer = nummer
        self.titel = titel
        self.datum = datum
    }
}
