import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Taaktoedeling

extension WebPages {
    /// A form whose values were refused while its file streamed in: nothing was stored.
    struct GeweigerdFormulier: Error {
        var waarden: FormValues
        var problemen: [FieldProblem]
    }

    /// A file form posted without a file (its file field left empty).
    struct GeenBestand: Error {
        var waarden: FormValues
    }

    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType].map { MultipartReader.parameters($0).essence == "multipart/form-data" } ?? false
    }

    /// One document row of the dossier page.
    static func documentModel(_ document: Document, basis: String) -> DossierPage.Document {
        DossierPage.Document(
            href: "\(basis)/documenten/\(document.id.uuidString.lowercased())/inhoud", titel: document.titel,
            soort: Formatting.hoofdletter(document.documentsoort.weergave), bestandsnaam: document.bestandsnaam,
            type: Bestandstype.met(mediatype: document.mediatype).map { $0.rawValue.uppercased() } ?? document.mediatype,
            omvang: Formatting.omvang(document.omvang), toegevoegd: Formatting.moment(document.toegevoegdOp), door: document.toegevoegdDoor,
            intern: document.vertrouwelijkheid == .intern, documentversie: document.versie > 1 ? "versie \(document.versie)" : nil
        )
    }

    // MARK: Adding

    /// `POST /dossiers/{id}/documenten`: the coordinator's document form, streamed into the dossier.
    @Sendable func documentToevoegen(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        let id = try dossierID(context)
        guard let volledig = try await service.dossier(id), volledig.zichtbaar(voor: gebruiker.actor) != nil else { throw WebError.nietGevonden }
        guard Self.isMultipart(request) else {
            throw WebError(status: .unsupportedMediaType, kop: "Dit formulier kan niet worden gelezen", tekst: "Er is niets opgeslagen.")
        }
        let formulier = DossierForms.document(basis: "/dossiers/\(id.uuidString.lowercased())", documenten: volledig.documenten(voor: gebruiker.actor))
        return try await metBestand(id, request, context, gebruiker: gebruiker, kind: .voegDocumentToe, bestandsveld: "inhoud") { waarden in
            let metadata = try Self.lees(DocumentMetadata.parse(formulier.json(waarden)), waarden)
            return (metadata, nil)
        } zonderBestand: { waarden in
            try await dossierResponse(
                id, request, context, status: .badRequest,
                ingevuld: Ingevuld(kind: .voegDocumentToe, waarden: waarden, problemen: [FieldProblem(name: "inhoud", reason: "kies een bestand")])
            )
        }
    }

    /// The koepel's (or the coordinator's *namens*) reactie form with its letter: the reactie and the
    /// letter are recorded together, or neither; without a file just the reactie.
    func reactieMetBrief(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(DossierCommandKind.dienReactieIn.rollen, request, context)
        let id = try dossierID(context)
        let actor = gebruiker.actor
        guard let volledig = try await service.dossier(id), volledig.zichtbaar(voor: actor) != nil,
              let formulier = DossierForms.formulier(.dienReactieIn, dossier: volledig, voor: actor, basis: "/dossiers/\(id.uuidString.lowercased())")
        else { throw WebError.nietGevonden }
        let pad = context.parameters.get("ronde").map { ["ronde": $0] } ?? [:]
        return try await metBestand(id, request, context, gebruiker: gebruiker, kind: .dienReactieIn, bestandsveld: "brief") { waarden in
            let command = try Self.lees(DossierCommand.parse(.dienReactieIn, body: formulier.json(waarden), pad: pad), waarden)
            guard case .dienReactieIn(let ronde, let genoemd, _, _, _) = command, let koepel = gebruiker.koepel ?? genoemd else {
                throw GeweigerdFormulier(waarden: waarden, problemen: [FieldProblem(name: "koepel", reason: "is verplicht")])
            }
            let metadata = DocumentMetadata(
                titel: "Brief van \(koepel.rawValue) bij de reactie in ronde \(ronde)", documentsoort: .reactie, vertrouwelijkheid: .openbaar,
                reactie: ReactieVerwijzing(ronde: ronde, koepel: koepel)
            )
            return (metadata, command)
        } zonderBestand: { waarden in
            try await voerUit(.dienReactieIn, waarden: waarden, request, context)
        }
    }

    /// Streams a file form into the dossier: the text fields and the file are read as they come,
    /// the CSRF token checked and the fields read by the domain's parsers before anything is
    /// committed; every refusal shows the dossier page with what was typed and a Dutch error summary.
    private func metBestand(
        _ id: UUID, _ request: Request, _ context: WebRequestContext, gebruiker: Gebruiker, kind: DossierCommandKind, bestandsveld: String,
        lees: @escaping (FormValues) throws -> (DocumentMetadata, DossierCommand?),
        zonderBestand: (FormValues) async throws -> Response
    ) async throws -> Response {
        let contentType = request.headers[.contentType]
        let configuratie = configuratie
        let body = request.body
        let ontvangen = MultipartFields()
        let commandContext = CommandContext(actor: gebruiker.actor, correlationID: context.requestID)
        func geweigerd(_ problemen: [FieldProblem], melding: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            try await dossierResponse(
                id, request, context, status: status,
                ingevuld: Ingevuld(kind: kind, waarden: ontvangen.waarden, problemen: problemen, melding: melding)
            )
        }
        do {
            let resultaat = try await service.voegDocumentToe(aan: id, context: commandContext, maximum: afhankelijkheden.maximumDocumentBytes) { upload in
                guard let ontvangst = MultipartUpload(contentType: contentType, upload: upload, bestandsveld: bestandsveld) else {
                    throw WebError.onleesbaarFormulier
                }
                for try await buffer in body {
                    try await ontvangst.voed(buffer.readableBytesView)
                    ontvangen.waarden = FormValues(velden: ontvangst.veldenInVolgorde)
                }
                try ontvangst.afsluiten()
                let waarden = FormValues(velden: ontvangst.veldenInVolgorde)
                ontvangen.waarden = waarden
                guard FormMiddleware.geldig(waarden["csrf"], request, context, configuratie) else { throw WebError.verlopenFormulier }
                guard let bestand = ontvangst.bestand, upload.omvang > 0 || !(bestand.naam ?? "").isEmpty else { throw GeenBestand(waarden: waarden) }
                let (metadata, voorafgaand) = try lees(waarden)
                return DocumentOntvangen(
                    metadata: metadata, bestandsnaam: bestand.naam ?? "", gedeclareerdType: bestand.type, voorafgaand: voorafgaand
                )
            }
            let basis = "/dossiers/\(id.uuidString.lowercased())"
            if kind == .dienReactieIn, let reactie = resultaat.document.reactie {
                return PageRenderer.verder("\(basis)/consultaties/\(reactie.ronde)/ontvangstbewijs" + Self.query([("koepel", reactie.koepel.rawValue)]))
            }
            return PageRenderer.verder("\(basis)?vastgelegd=\(DossierCommandKind.voegDocumentToe.rawValue)")
        } catch let geen as GeenBestand {
            return try await zonderBestand(geen.waarden)
        } catch let fout as GeweigerdFormulier {
            return try await geweigerd(fout.problemen, status: .badRequest)
        } catch DocumentUploadError.tooLarge(let maximum) {
            return try await geweigerd([FieldProblem(name: bestandsveld, reason: "is groter dan \(Formatting.omvang(maximum)); er is niets opgeslagen")], status: .contentTooLarge)
        } catch DocumentUploadError.unsupportedType(let weigering) {
            return try await geweigerd([FieldProblem(name: bestandsveld, reason: weigering.reden)], status: .unsupportedMediaType)
        } catch DocumentUploadError.invalid(let invoer) {
            return try await geweigerd(Self.opVeld(invoer.problems, bestandsveld), status: .badRequest)
        } catch DomainError.ongeldigeInvoer(let invoer) {
            return try await geweigerd(Self.opVeld(invoer.problems, bestandsveld), status: .badRequest)
        } catch DomainError.nietToegestaan(let reden) {
            return try await geweigerd([], melding: reden, status: .forbidden)
        } catch DomainError.conflict(let reden) {
            return try await geweigerd([], melding: reden, status: .conflict)
        } catch DomainError.nietGevonden {
            throw WebError.nietGevonden
        }
    }

    /// The values of a parse, or a refusal carrying the problems and what was typed.
    private static func lees<T>(_ resultaat: Result<T, InvalidInput>, _ waarden: FormValues) throws -> T {
        switch resultaat {
        case .success(let waarde): return waarde
        case .failure(let invoer): throw GeweigerdFormulier(waarden: waarden, problemen: invoer.problems)
        }
    }

    /// Problems of the file (`inhoud`, `inhoud.bestandsnaam`) shown at the form's file field.
    private static func opVeld(_ problemen: [FieldProblem], _ bestandsveld: String) -> [FieldProblem] {
        problemen.map { probleem in
            guard probleem.name == "inhoud" || probleem.name.hasPrefix("inhoud.") else { return probleem }
            let wat = probleem.name == "inhoud.bestandsnaam" ? "de bestandsnaam " : ""
            return FieldProblem(name: bestandsveld, reason: wat + probleem.reason)
        }
    }

    // MARK: Downloading

    /// `GET /dossiers/{id}/documenten/{documentId}/inhoud`: the bytes, as the API gives them.
    @Sendable func documentInhoud(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis(Self.iedereen, request, context)
        let id = try dossierID(context)
        guard let documentID = context.parameters.get("documentId").flatMap(UUID.init(uuidString:)),
              let document = try await service.document(documentID, van: id, voor: gebruiker.actor)?.document
        else { throw WebError.nietGevonden }
        var headers: HTTPFields = [:]
        for field in DocumentHeaders.fields(document) {
            if let name = HTTPField.Name(field.name) { headers[name] = field.value }
        }
        headers[.cacheControl] = "private, no-store"
        if let gevraagd = request.headers[.ifNoneMatch], gevraagd.contains(DocumentHeaders.entityTag(document)) {
            return Response(status: .notModified, headers: headers)
        }
        let service = service
        let sha256 = document.sha256
        let omvang = document.omvang
        return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: Int(omvang)) { writer in
            try await service.leesInhoud(sha256: sha256, bereik: 0..<omvang) { stuk in
                try await writer.write(ByteBuffer(bytes: stuk))
            }
            try await writer.finish(nil)
        })
    }
}

/// What a streamed form had typed so far, for the page that refuses it.
final class MultipartFields: @unchecked Sendable {
    var waarden = FormValues()
}
