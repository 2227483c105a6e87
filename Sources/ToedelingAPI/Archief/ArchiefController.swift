import Foundation
import HTTPTypes
import Hummingbird
import Dossiers
import NIOCore
import Rapportage
import Taaktoedeling

/// The archive: the selectielijst, a dossier's category (`PUT …/archivering`), and the dossiers
/// whose archiefactiedatum has come.
struct ArchiefController {
    let service: DossierService
    /// Who made the records, named in the package.
    let archiefvormer: MDTO.Archiefvormer
    /// Today's date in Europe/Amsterdam.
    let nu: @Sendable () -> Date

    func addRoutes(to routes: APIRoutes) {
        routes.on(.put, "/v1/dossiers/:id/archivering", use: archiveren)
        routes.on(.get, "/v1/selectielijst", use: selectielijst)
        routes.on(.get, "/v1/archiefacties", use: archiefacties)
        routes.on(.get, "/v1/dossiers/:id/archiefpakket", produces: ["application/zip"], use: archiefpakket)
    }

    /// `GET …/archiefpakket`: the e-Depot package as a ZIP, streamed as it is made.
    @Sendable func archiefpakket(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        guard let id = DossierController.dossierID(context) else { throw Problem.notFound("Dit dossier bestaat niet.") }
        let pakket = Archiefpakket(service: service, archiefvormer: archiefvormer)
        let (dossier, categorie): (Dossier, SelectielijstCategorie)
        do {
            (dossier, categorie) = try await pakket.pakbaar(id)
        } catch let weigering as Archiefpakket.Weigering {
            throw Problem.conflict(weigering.description)
        }
        let moment = nu()
        let tijd = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: moment)
        let naam = dossier.kenmerk.description
        var headers: HTTPFields = [.contentType: "application/zip"]
        headers[.contentDisposition] = ContentDisposition.attachment(fileName: "\(naam)-archiefpakket.zip")
        let logger = context.logger
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // The ZIP writer keeps its sink: a copy of the body writer (it writes to the same channel).
            let sink = BodySink(writer: writer)
            let zip = ZipWriter(
                moment: (tijd.year ?? 1980, tijd.month ?? 1, tijd.day ?? 1, tijd.hour ?? 0, tijd.minute ?? 0, tijd.second ?? 0)
            ) { bytes in try await sink.write(bytes) }
            do {
                try await pakket.schrijf(dossier, categorie: categorie, naar: zip, moment: moment)
            } catch {
                // The status is sent: a broken package ends the connection without its central
                // directory, so no client takes it for whole.
                logger.error("archiefpakket afgebroken", metadata: ["dossier.id": "\(id.uuidString.lowercased())", "error": "\(error)"])
                throw error
            }
            try await writer.finish(nil)
        })
    }

    @Sendable func archiveren(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierCommandKind.legArchiveringVast.rollen)
        try QueryParameters(request, known: []).validate()
        let expectedVersion = try EntityTag.expectedVersion(in: request)
        let body = try await APIJSON.body(of: request)
        var problems: [InvalidParam] = []
        var code: String?
        if case .object(let fields) = body {
            for name in fields.keys.sorted() where name != "selectielijstcategorie" {
                problems.append(InvalidParam(name: name, reason: "is geen bekend veld"))
            }
            switch fields["selectielijstcategorie"] {
            case .string(let text)? where !text.isEmpty: code = text
            case nil, .null?: problems.append(InvalidParam(name: "selectielijstcategorie", reason: "is verplicht"))
            default: problems.append(InvalidParam(name: "selectielijstcategorie", reason: "moet de code van een categorie van de selectielijst zijn"))
            }
        } else {
            problems.append(InvalidParam(name: "body", reason: "moet een JSON-object zijn"))
        }
        guard problems.isEmpty, let code else { throw Problem.invalidInput(problems) }
        guard let id = DossierController.dossierID(context) else { throw Problem.notFound("Dit dossier bestaat niet.") }
        let outcome = try await service.legArchiveringVast(
            code: code, op: id,
            context: CommandContext(
                actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID.willekeurig(), expectedVersion: expectedVersion,
                answer: CommandAnswer(ticket: context.idempotency) { outcome in try DossierController.answer(outcome, status: .ok, for: actor) }
            )
        )
        guard let answer = outcome.answer else { throw Problem.internalError }
        return answer.response()
    }

    @Sendable func selectielijst(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        try QueryParameters(request, known: []).validate()
        guard let lijst = service.selectielijst else { throw Problem.conflict("Er is geen selectielijst ingesteld.") }
        struct Document: Encodable { let categorieen: [SelectielijstCategorie] }
        return try APIJSON.response(Document(categorieen: lijst.categorieen))
    }

    @Sendable func archiefacties(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        struct Item: Encodable {
            let id: String
            let kenmerk: String
            let titel: String
            let fase: Fase
            let archivering: Archiefgegevens
        }
        struct Document: Encodable { let resultaten: [Item] }
        let vandaag = AmsterdamseTijd.kalenderdatum(van: nu())
        let items = try await service.archiefacties(vandaag: vandaag).map { dossier, archief in
            Item(id: dossier.id.uuidString.lowercased(), kenmerk: dossier.kenmerk.description, titel: dossier.titel, fase: dossier.fase, archivering: archief)
        }
        return try APIJSON.response(Document(resultaten: items))
    }
}

/// A body writer held by a closure that outlives the `inout` parameter it came from.
final class BodySink {
    private var writer: any ResponseBodyWriter

    init(writer: any ResponseBodyWriter) {
        self.writer = writer
    }

    func write(_ bytes: [UInt8]) async throws {
        try await writer.write(ByteBuffer(bytes: bytes))
    }
}
