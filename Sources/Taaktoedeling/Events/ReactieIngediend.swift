/// A koepel's bestuurlijke reactie was registered in a round (its time is the event's recording time).
///
/// Schema version 2 added `geregistreerdDoor`; version-1 payloads are upcast with the koepel's own
/// name (before version 2 only a koepel could register its reactie).
public struct ReactieIngediend: Codable, Sendable, Equatable, Hashable {
    /// The round.
    public var ronde: Int
    /// The koepel whose reactie it is.
    public var koepel: Koepel
    /// Its position.
    public var standpunt: Standpunt
    /// Its explanation.
    public var toelichting: String
    /// The koepel's own reference, if given.
    public var kenmerk: String?
    /// Whether it came after the termijn.
    public var teLaat: Bool
    /// Who registered it.
    public var geregistreerdDoor: String

    /// Creates the event.
    public init(ronde: Int, koepel: Koepel, standpunt: Standpunt, toelichting: String, kenmerk: String?, teLaat: Bool, geregistreerdDoor: String) {
        self.ronde = ronde
        self.koepel = koepel
        self.standpunt = standpunt
        self.toelichting = toelichting
        self.kenmerk = kenmerk
        self.teLaat = teLaat
        self.geregistreerdDoor = geregistreerdDoor
    }
}
