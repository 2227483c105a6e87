import Foundation

/// One entry of a dossier's timeline: an event told as a Dutch sentence.
public struct TijdlijnRegel: Codable, Sendable, Equatable, Hashable {
    /// The event's version in the stream.
    public var versie: Int64
    /// The event type, e.g. `ReactieIngediend`.
    public var type: String
    /// When it was recorded.
    public var geregistreerdOp: Date
    /// The Dutch sentence.
    public var omschrijving: String
    /// Who caused it (the actor's name, from the event metadata).
    public var door: String

    /// Creates an entry.
    public init(versie: Int64, type: String, geregistreerdOp: Date, omschrijving: String, door: String) {
        self.versie = versie
        self.type = type
        self.geregistreerdOp = geregistreerdOp
        self.omschrijving = omschrijving
        self.door = door
    }
}
