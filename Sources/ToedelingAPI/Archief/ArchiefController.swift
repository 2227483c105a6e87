import Foundation
import HTTPTypes
import Hummingbird
import Dossiers
import Taaktoedeling

/// The archive: the selectielijst, a dossier's category (`PUT …/archivering`), and the dossiers
/// whose archiefactiedatum has come.
struct ArchiefController {
    let service: DossierService
    /// Today's date in Europe/Amsterdam.
    let nu: @Sendable () -> Date

    func addRoutes(to routes: APIRoutes) {
        routes.on(.put, "/v1/dossiers/:id/archivering", use: archiveren)
        routes.on(.get, "/v1/selectielijst", use: selectielijst)
        routes.on(.get, "/v1/archiefacties", use: archiefacties)
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
                actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID(), expectedVersion: expectedVersion,
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
