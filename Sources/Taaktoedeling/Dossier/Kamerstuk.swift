import Foundation

/// A parliamentary paper linked to a dossier.
public struct Kamerstuk: Codable, Sendable, Equatable, Hashable {
    /// The Kamerstuk number, e.g. `33047-43`.
    public var nummer: String
    /// Its title.
    public var titel: String
    /// Its date.
    public var datum: Kalenderdatum
    /// When the link was recorded.
    public var gekoppeldOp: Date

    /// Creates a link.
    public init(nummer: String, titel: String, datum: Kalenderdatum, gekoppeldOp: Date) {
        self.nummer = nummer
        self.titel = titel
        self.datum = datum
        self.gekoppeldOp = gekoppeldOp
    }
}
