import Foundation

/// A document (or a new version of one) was added to the dossier. It carries the SHA-256 of the
/// bytes, so the dossier's hash chain covers the content.
public struct DocumentToegevoegd: Codable, Sendable, Equatable, Hashable {
    /// The id of this version.
    public var documentId: UUID
    /// Its version number along the `vervangt` chain.
    public var versie: Int
    /// The title.
    public var titel: String
    /// What kind of paper it is.
    public var documentsoort: Documentsoort
    /// The file name as uploaded.
    public var bestandsnaam: String
    /// The media type decided from the bytes.
    public var mediatype: String
    /// The size in bytes.
    public var omvang: Int64
    /// The SHA-256 of the bytes, lowercase hex.
    public var sha256: String
    /// Who may see it.
    public var vertrouwelijkheid: Vertrouwelijkheid
    /// The reactie this is the letter of, if any.
    public var reactie: ReactieVerwijzing?
    /// The version this one replaces, if any.
    public var vervangt: UUID?
    /// Who added it.
    public var toegevoegdDoor: String

    /// Creates the event.
    public init(
        documentId: UUID, versie: Int, titel: String, documentsoort: Documentsoort, bestandsnaam: String, mediatype: String,
        omvang: Int64, sha256: String, vertrouwelijkheid: Vertrouwelijkheid, reactie: ReactieVerwijzing?, vervangt: UUID?,
        toegevoegdDoor: String
    ) {
        self.documentId = documentId
        self.versie = versie
        self.titel = titel
        self.documentsoort = documentsoort
        self.bestandsnaam = bestandsnaam
        self.mediatype = mediatype
        self.omvang = omvang
        self.sha256 = sha256
        self.vertrouwelijkheid = vertrouwelijkheid
        self.reactie = reactie
        self.vervangt = vervangt
        self.toegevoegdDoor = toegevoegdDoor
    }

    /// Encodes `documentId` and `vervangt` in lower case (RFC 9562), like every id the product writes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documentId.uuidString.lowercased(), forKey: .documentId)
        try container.encode(versie, forKey: .versie)
        try container.encode(titel, forKey: .titel)
        try container.encode(documentsoort, forKey: .documentsoort)
        try container.encode(bestandsnaam, forKey: .bestandsnaam)
        try container.encode(mediatype, forKey: .mediatype)
        try container.encode(omvang, forKey: .omvang)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(vertrouwelijkheid, forKey: .vertrouwelijkheid)
        try container.encodeIfPresent(reactie, forKey: .reactie)
        try container.encodeIfPresent(vervangt?.uuidString.lowercased(), forKey: .vervangt)
        try container.encode(toegevoegdDoor, forKey: .toegevoegdDoor)
    }
}
