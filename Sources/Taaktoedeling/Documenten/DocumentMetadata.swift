import Foundation

/// What a client says of a document it uploads: the part `metadata` of the upload.
public struct DocumentMetadata: Sendable, Equatable, Hashable {
    /// The title.
    public var titel: String
    /// What kind of paper it is.
    public var documentsoort: Documentsoort
    /// Who may see it.
    public var vertrouwelijkheid: Vertrouwelijkheid
    /// The reactie it is the letter of, if any.
    public var reactie: ReactieVerwijzing?
    /// The version it replaces, if any.
    public var vervangt: UUID?

    /// Creates metadata.
    public init(titel: String, documentsoort: Documentsoort, vertrouwelijkheid: Vertrouwelijkheid, reactie: ReactieVerwijzing? = nil, vervangt: UUID? = nil) {
        self.titel = titel
        self.documentsoort = documentsoort
        self.vertrouwelijkheid = vertrouwelijkheid
        self.reactie = reactie
        self.vervangt = vervangt
    }

    /// Reads the metadata object, reporting every problem at once (field names as in the JSON,
    /// `reactie.ronde` for nested ones).
    public static func parse(_ waarde: JSONValue) -> Result<DocumentMetadata, InvalidInput> {
        var lezer = FieldReader(waarde)
        guard lezer.isObject else { return .failure(InvalidInput(problems: lezer.problemen)) }
        let titel = lezer.tekst("titel")
        let soort = lezer.keuze("documentsoort", Documentsoort.self)
        let vertrouwelijkheid = lezer.keuze("vertrouwelijkheid", Vertrouwelijkheid.self)
        var reactie: ReactieVerwijzing?
        if let object = lezer.waarde("reactie", verplicht: false) {
            var genest = FieldReader(object, prefix: "reactie")
            if genest.isObject {
                let ronde = genest.geheelGetal("ronde")
                let koepel = genest.keuze("koepel", Koepel.self)
                if let ronde, !(1...Int(Int32.max)).contains(ronde) { genest.meld("ronde", "moet een rondenummer van 1 tot en met \(Int32.max) zijn") }
                genest.sluitAf()
                if let ronde, (1...Int(Int32.max)).contains(ronde), let koepel { reactie = ReactieVerwijzing(ronde: ronde, koepel: koepel) }
            }
            genest.problemen.forEach { lezer.meldVolledig($0) }
        }
        var vervangt: UUID?
        if let tekst = lezer.waarde("vervangt", verplicht: false) {
            if case .string(let id) = tekst, let uuid = UUID(uuidString: id) {
                vervangt = uuid
            } else {
                lezer.meld("vervangt", "moet het id (UUID) van een document van dit dossier zijn")
            }
        }
        lezer.sluitAf()
        var problemen = lezer.problemen
        if let titel, Tekstregels.lengte(titel) > DossierCommand.maximaleTitellengte {
            problemen.append(FieldProblem(name: "titel", reason: "is te lang (maximaal \(DossierCommand.maximaleTitellengte) tekens)"))
        }
        if reactie != nil, let soort, soort != .reactie {
            problemen.append(FieldProblem(name: "documentsoort", reason: "moet reactie zijn voor de brief bij een reactie"))
        }
        guard problemen.isEmpty, let titel, let soort, let vertrouwelijkheid else { return .failure(InvalidInput(problems: problemen)) }
        return .success(DocumentMetadata(titel: titel, documentsoort: soort, vertrouwelijkheid: vertrouwelijkheid, reactie: reactie, vervangt: vervangt))
    }
}

/// The rule for an uploaded file's name: kept as given for the download, so it must be safe to show
/// and to use as a file name anywhere.
public enum Bestandsnaam {
    /// The longest name accepted, in Unicode scalars.
    public static let maximaleLengte = 255

    /// Why `naam` cannot be a file name, or nil: empty, too long, a path (`/`, `\`), `.` or `..`,
    /// control characters (NUL among them) or characters that are not allowed in text.
    public static func probleem(_ naam: String) -> String? {
        if naam.isEmpty || Tekstregels.isLeeg(naam) { return "mag niet leeg zijn" }
        if naam.unicodeScalars.count > maximaleLengte { return "is te lang (maximaal \(maximaleLengte) tekens)" }
        if naam.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return "bevat een stuurteken"
        }
        if let probleem = Tekstregels.probleem(in: naam, regelovergangen: false) { return probleem }
        if naam.contains("/") || naam.contains("\\") { return "mag geen pad zijn (geen / of \\)" }
        if naam == "." || naam == ".." { return "is geen bestandsnaam" }
        return nil
    }
}

/// A document to record, its bytes stored already: what the client said of it and what its bytes
/// are.
public struct DocumentToevoeging: Sendable, Equatable, Hashable {
    /// The id the new version gets.
    public var id: UUID
    /// What the client said of it.
    public var metadata: DocumentMetadata
    /// The file name as uploaded (checked by `Bestandsnaam`).
    public var bestandsnaam: String
    /// The type recognised from the bytes.
    public var type: Bestandstype
    /// The size in bytes.
    public var omvang: Int64
    /// The SHA-256 of the bytes, lowercase hex.
    public var sha256: String

    /// Creates the request.
    public init(id: UUID, metadata: DocumentMetadata, bestandsnaam: String, type: Bestandstype, omvang: Int64, sha256: String) {
        self.id = id
        self.metadata = metadata
        self.bestandsnaam = bestandsnaam
        self.type = type
        self.omvang = omvang
        self.sha256 = sha256
    }
}
