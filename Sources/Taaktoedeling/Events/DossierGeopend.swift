import Foundation

/// A dossier was opened for a proposed task or power.
public struct DossierGeopend: Codable, Sendable, Equatable, Hashable {
    /// The stream id of the new dossier.
    public var id: UUID
    /// The human number assigned.
    public var kenmerk: Kenmerk
    /// Title.
    public var titel: String
    /// Description.
    public var omschrijving: String
    /// The proposing ministry.
    public var vakdepartement: String
    /// Task or power.
    public var soort: Soort
    /// New or existing task.
    public var nieuweTaak: Bool
    /// Why an existing task is assessed.
    public var aanleiding: Aanleiding?
    /// The statutory basis, if known.
    public var wettelijkeGrondslag: String?

    /// Creates the event.
    public init(id: UUID, kenmerk: Kenmerk, voorstel: Voorstel) {
        self.id = id
        self.kenmerk = kenmerk
        self.titel = voorstel.titel
        self.omschrijving = voorstel.omschrijving
        self.vakdepartement = voorstel.vakdepartement
        self.soort = voorstel.soort
        self.nieuweTaak = voorstel.nieuweTaak
        self.aanleiding = voorstel.aanleiding
        self.wettelijkeGrondslag = voorstel.wettelijkeGrondslag
    }

    /// Encodes every field, the id in lower case (RFC 9562).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(kenmerk, forKey: .kenmerk)
        try container.encode(titel, forKey: .titel)
        try container.encode(omschrijving, forKey: .omschrijving)
        try container.encode(vakdepartement, forKey: .vakdepartement)
        try container.encode(soort, forKey: .soort)
        try container.encode(nieuweTaak, forKey: .nieuweTaak)
        try container.encodeIfPresent(aanleiding, forKey: .aanleiding)
        try container.encodeIfPresent(wettelijkeGrondslag, forKey: .wettelijkeGrondslag)
    }
}
