import Foundation

/// One version of a document in a dossier, as its `DocumentToegevoegd` recorded it.
///
/// Every version has an id of its own; a new version names the one it replaces (`vervangt`) and
/// counts on from it (`versie`). The bytes are stored apart, by their SHA-256.
public struct Document: Codable, Sendable, Equatable, Hashable {
    /// The id of this version.
    public var id: UUID
    /// 1 for a first version, then 2, 3, … along the `vervangt` chain.
    public var versie: Int
    /// The title.
    public var titel: String
    /// What kind of paper it is.
    public var documentsoort: Documentsoort
    /// The file name as uploaded.
    public var bestandsnaam: String
    /// The media type, decided from the bytes.
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
    /// When it was recorded.
    public var toegevoegdOp: Date
    /// Who added it (the name of the token or account).
    public var toegevoegdDoor: String

    /// Creates a document version.
    public init(
        id: UUID, versie: Int, titel: String, documentsoort: Documentsoort, bestandsnaam: String, mediatype: String, omvang: Int64,
        sha256: String, vertrouwelijkheid: Vertrouwelijkheid, reactie: ReactieVerwijzing?, vervangt: UUID?, toegevoegdOp: Date,
        toegevoegdDoor: String
    ) {
        self.id = id
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
        self.toegevoegdOp = toegevoegdOp
        self.toegevoegdDoor = toegevoegdDoor
    }
}

/// The reactie a letter belongs to: a round and the koepel that reacted in it.
public struct ReactieVerwijzing: Codable, Sendable, Equatable, Hashable {
    /// The round.
    public var ronde: Int
    /// The koepel.
    public var koepel: Koepel

    /// Creates a reference.
    public init(ronde: Int, koepel: Koepel) {
        self.ronde = ronde
        self.koepel = koepel
    }
}
