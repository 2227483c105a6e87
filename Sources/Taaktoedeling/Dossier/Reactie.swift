import Foundation

/// A koepel's bestuurlijke reactie in one consultation round.
public struct Reactie: Codable, Sendable, Equatable, Hashable {
    /// The koepel that reacted.
    public var koepel: Koepel
    /// Its position.
    public var standpunt: Standpunt
    /// Its explanation.
    public var toelichting: String
    /// The koepel's own reference (e.g. the number of its letter), if given.
    public var kenmerk: String?
    /// When the reactie was registered.
    public var ingediendOp: Date
    /// True when it came after the end of the round's termijn (Europe/Amsterdam) but before closing.
    public var teLaat: Bool
    /// The name of who registered it: the koepel's token holder, or a coordinator registering *namens*.
    public var geregistreerdDoor: String

    /// Creates a reactie.
    public init(koepel: Koepel, standpunt: Standpunt, toelichting: String, kenmerk: String?, ingediendOp: Date, teLaat: Bool, geregistreerdDoor: String) {
        self.koepel = koepel
        self.standpunt = standpunt
        self.toelichting = toelichting
        self.kenmerk = kenmerk
        self.ingediendOp = ingediendOp
        self.teLaat = teLaat
        self.geregistreerdDoor = geregistreerdDoor
    }
}
