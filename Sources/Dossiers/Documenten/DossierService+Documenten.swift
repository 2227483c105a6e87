import EventStore
import Foundation
import Postgres
import Taaktoedeling

/// What a front end read from an upload besides the bytes: the client's metadata, the file name
/// and the declared type of the file part.
public struct DocumentOntvangen: Sendable {
    /// The metadata.
    public var metadata: DocumentMetadata
    /// The file name from the part's `Content-Disposition`.
    public var bestandsnaam: String
    /// The part's `Content-Type`, if any.
    public var gedeclareerdType: String?
    /// A command recorded with the document, before it, in the same transaction: a koepel's reactie
    /// whose letter this is (the web form takes both at once), so neither is recorded without the other.
    public var voorafgaand: DossierCommand?

    /// Creates what was received.
    public init(metadata: DocumentMetadata, bestandsnaam: String, gedeclareerdType: String?, voorafgaand: DossierCommand? = nil) {
        self.metadata = metadata
        self.bestandsnaam = bestandsnaam
        self.gedeclareerdType = gedeclareerdType
        self.voorafgaand = voorafgaand
    }
}

extension DossierService {
    /// Adds a document to a dossier in one transaction: `ontvang` streams the bytes into the upload
    /// (written in blocks as they come) and returns what the client said of them; then the type is
    /// recognised from the first bytes, the content recorded (once per distinct content), the domain
    /// decides and `DocumentToegevoegd` is appended. Whatever fails, nothing is left behind: no
    /// block, no content row, no event. The version's id derives from the command id, so a retry
    /// under the same `Idempotency-Key` of the same bytes answers with the document it added.
    public func voegDocumentToe(
        aan dossierID: UUID, context: CommandContext, maximum: Int64,
        ontvang: (DocumentUpload) async throws -> DocumentOntvangen
    ) async throws -> (outcome: CommandOutcome, document: Document) {
        let documentID = StableUUID.derived(from: context.commandID, "document")
        let metadata = EventMetadata(context: context)
        let sleutels = try await sleutels(dossier: dossierID, actor: context.actor)
        let clock = clock
        let result = try await pool.withLease { lease in
            try await lease.run { connection in
                try connection.executeScript("BEGIN; SET LOCAL idle_in_transaction_session_timeout = '60s'")
            }
            let upload = DocumentUpload(lease: lease, maximum: maximum)
            let ontvangen = try await ontvang(upload)
            let sha256 = try await upload.afronden()
            guard upload.omvang > 0 else { throw DomainError.ongeldigeInvoer(InvalidInput("inhoud", "is leeg")) }
            if let probleem = Bestandsnaam.probleem(ontvangen.bestandsnaam) {
                throw DomainError.ongeldigeInvoer(InvalidInput("inhoud.bestandsnaam", probleem))
            }
            let type: Bestandstype
            switch Bestandstype.kies(upload.herkenning, gedeclareerd: ontvangen.gedeclareerdType) {
            case .success(let gekozen): type = gekozen
            case .failure(let weigering): throw DocumentUploadError.unsupportedType(weigering)
            }
            let command = DossierCommand.voegDocumentToe(DocumentToevoeging(
                id: documentID, metadata: ontvangen.metadata, bestandsnaam: ontvangen.bestandsnaam, type: type,
                omvang: upload.omvang, sha256: sha256
            ))
            let blokken = upload.blokken
            let omvang = upload.omvang
            let voorafgaand = ontvangen.voorafgaand
            return try await lease.run { connection -> (CommandOutcome, Document) in
                let locked = try DossierProjection.lockedState(of: dossierID, on: connection)
                let now = clock.map { Self.microseconds($0()) } ?? locked.moment
                guard let state = locked.state else { throw DomainError.nietGevonden }
                if let bestaand = state.documenten?.first(where: { $0.id == documentID }), state.zichtbaar(voor: context.actor) != nil {
                    // The same upload again under the same key: nothing new is recorded; other bytes
                    // under that key are refused.
                    guard bestaand.sha256 == sha256 else { throw ServiceError.commandIDReused }
                    try connection.execute("DELETE FROM document_blokken WHERE blokken = $1", [.uuid(blokken)])
                    try connection.executeScript("COMMIT")
                    return (CommandOutcome(dossier: state, events: []), bestaand)
                }
                if let expected = context.expectedVersion {
                    guard let view = state.zichtbaar(voor: context.actor) else { throw DomainError.nietGevonden }
                    if expected != view.versie { throw ServiceError.staleVersion(current: view.versie) }
                }
                var events: [DossierEvent] = []
                var beslist = state
                if let voorafgaand {
                    events = try Beslissing.decide(state, voorafgaand, by: context.actor, at: now, kenmerk: nil)
                    for (index, event) in events.enumerated() {
                        beslist = Beslissing.evolve(beslist, event, version: state.versie + Int64(index) + 1, recordedAt: now)
                    }
                }
                events += try Beslissing.decide(beslist, command, by: context.actor, at: now, kenmerk: nil)
                try DocumentStorage.bewaar(sha256: sha256, omvang: omvang, blokken: blokken, on: connection)
                var outcome = try Self.record(
                    events, commandID: context.commandID, metadata: metadata, sleutels: sleutels, to: dossierID, expected: .exact(state.versie),
                    before: state, at: now, on: connection
                )
                outcome = try Self.answered(outcome, context, on: connection)
                try connection.executeScript("COMMIT")
                guard let document = outcome.dossier.documenten?.first(where: { $0.id == documentID }) else {
                    throw ServiceError.unreadableEvent(position: outcome.events.last?.position ?? 0)
                }
                return (outcome, document)
            }
        }
        store.announceCommittedEvents()
        logger.info("document toegevoegd", metadata: [
            "dossier.id": "\(dossierID.uuidString.lowercased())", "document.id": "\(documentID.uuidString.lowercased())",
            "document.omvang": "\(result.1.omvang)",
        ])
        return (result.0, result.1)
    }

    /// The documents of a dossier that `actor` may see, the newest version of each; nil when the
    /// dossier does not exist or the actor may not see it.
    public func documenten(van dossierID: UUID, voor actor: Actor) async throws -> [Document]? {
        guard let dossier = try await dossier(dossierID), dossier.zichtbaar(voor: actor) != nil else { return nil }
        if dossier.vernietiging != nil { throw DocumentenVernietigd.vernietigd }
        return dossier.documenten(voor: actor)
    }

    /// A document version `actor` may see, with the versions of its document it may see; nil when
    /// the dossier or the document does not exist or is not visible.
    public func document(_ documentID: UUID, van dossierID: UUID, voor actor: Actor) async throws -> (document: Document, versies: [Document])? {
        guard let dossier = try await dossier(dossierID) else { return nil }
        if dossier.vernietiging != nil, dossier.zichtbaar(voor: actor) != nil { throw DocumentenVernietigd.vernietigd }
        return dossier.document(documentID, voor: actor)
    }

    /// Reads the bytes `bereik` (offsets, end exclusive) of a stored content block by block, handing
    /// each piece to `schrijf`: the next block is read while the client takes the current one (two
    /// blocks in memory at most), and no connection is held while `schrijf` waits for the client.
    public func leesInhoud(sha256: String, bereik: Range<Int64>, schrijf: ([UInt8]) async throws -> Void) async throws {
        guard let inhoud = try await pool.withConnection({ try DocumentStorage.inhoud(sha256: sha256, on: $0) }) else {
            throw DomainError.nietGevonden
        }
        let einde = min(bereik.upperBound, inhoud.omvang)
        let pool = pool
        /// The piece of the block that holds `positie`, up to `einde`.
        func lees(vanaf positie: Int64) -> Task<[UInt8], any Error>? {
            guard positie < einde else { return nil }
            let volgnummer = positie / inhoud.blokgrootte
            let van = positie - volgnummer * inhoud.blokgrootte
            let tot = min(inhoud.blokgrootte, einde - volgnummer * inhoud.blokgrootte)
            return Task {
                try await pool.withConnection { connection in
                    try DocumentStorage.blok(inhoud, volgnummer: volgnummer, van: van, tot: tot, on: connection)
                }
            }
        }
        var positie = max(0, bereik.lowerBound)
        var volgende = lees(vanaf: positie)
        defer { volgende?.cancel() }
        while let huidig = volgende {
            let bytes = try await huidig.value
            guard !bytes.isEmpty else { throw ServiceError.unreadableEvent(position: 0) }
            positie += Int64(bytes.count)
            volgende = lees(vanaf: positie)
            try await schrijf(bytes)
        }
    }

    /// The documents whose stored bytes no longer match the SHA-256 their event recorded (or are
    /// missing): each with its dossier's kenmerk, for `verify`.
    public func afwijkendeDocumenten() async throws -> [(kenmerk: String, document: Document)] {
        let afwijkend = try await pool.withConnection { try DocumentStorage.afwijkend(on: $0) }
        let aanwezig = try await pool.withConnection { connection in
            Set(try connection.query("SELECT encode(sha256, 'hex') AS sha256 FROM document_inhoud").map { try $0.string("sha256") })
        }
        let dossiers = try await pool.withConnection { connection in
            try connection.query("SELECT staat FROM dossiers WHERE staat ? 'documenten' ORDER BY kenmerk")
                .map { try DossierProjection.decodeState($0.json("staat")) }
        }
        var gevonden: [(kenmerk: String, document: Document)] = []
        // A destroyed dossier's bytes are gone on purpose.
        for dossier in dossiers where dossier.vernietiging == nil {
            for document in dossier.documenten ?? [] where afwijkend.contains(document.sha256) || !aanwezig.contains(document.sha256) {
                gevonden.append((dossier.kenmerk.description, document))
            }
        }
        return gevonden
    }
}

/// The documents of a destroyed dossier are gone for good (HTTP 410).
public enum DocumentenVernietigd: Error, Sendable, Equatable {
    case vernietigd
}
