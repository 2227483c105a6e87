import Foundation
import HTTPTypes
import Hummingbird
import Dossiers
import Taaktoedeling

/// The dossier endpoints: opening, reading and changing dossiers, their timeline and raw events, and
/// every command on a dossier.
struct DossierController {
    let service: DossierService

    static let everyone: Set<Rol> = [.coordinator, .koepel, .liaison]

    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/dossiers", use: open)
        routes.on(.get, "/v1/dossiers", use: list)
        routes.on(.get, "/v1/dossiers/:id", use: show)
        routes.on(.patch, "/v1/dossiers/:id", use: patch)
        routes.on(.get, "/v1/dossiers/:id/tijdlijn", use: tijdlijn)
        routes.on(.get, "/v1/dossiers/:id/gebeurtenissen", use: gebeurtenissen)
        for route in DossierCommandRoute.all {
            routes.on(.post, "/v1/dossiers/:id/" + route.path, use: command(route))
        }
    }

    // MARK: Reading

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        var parameters = QueryParameters(request, known: ["fase", "vakdepartement", "page", "pageSize"])
        let fase = parameters.choice("fase", Fase.self)
        let vakdepartement = parameters.text("vakdepartement")
        let paging = parameters.paging()
        try parameters.validate()
        let query = DossierQuery(
            fase: fase,
            vakdepartement: vakdepartement,
            page: paging.page,
            pageSize: paging.pageSize
        )
        let result = try await service.weergaven(query, voor: actor)
        var filters: [(String, String)] = []
        if let fase { filters.append(("fase", fase.rawValue)) }
        if let vakdepartement { filters.append(("vakdepartement", vakdepartement)) }
        let headers = PageLinks(path: "/v1/dossiers", filters: filters, paging: paging, total: result.total).headers
        return APIJSON.response(rendered: DossierList.document(of: result.documents), headers: headers)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        var parameters = QueryParameters(request, known: ["peildatum"])
        let peildatum = parameters.peildatum()
        try parameters.validate()
        if peildatum == nil {
            // Now: the stored view, its bytes as they are.
            guard let id = Self.dossierID(context), let view = try await service.weergave(id, voor: actor) else {
                throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
            }
            let tag = EntityTag.of(version: view.versie)
            if EntityTag.noneMatch(request, tag) { return EntityTag.notModified(tag) }
            return APIJSON.response(rendered: view.document, headers: [.eTag: tag])
        }
        let visible = try await visibleDossier(context, actor: actor, peildatum: peildatum)
        let tag = EntityTag.of(visible)
        if EntityTag.noneMatch(request, tag) { return EntityTag.notModified(tag) }
        return try APIJSON.response(DossierDocument(dossier: visible), headers: [.eTag: tag])
    }

    @Sendable func tijdlijn(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        var parameters = QueryParameters(request, known: ["peildatum", "page", "pageSize"])
        let peildatum = parameters.peildatum()
        let paging = parameters.paging(defaultSize: 100, maximumSize: 1000)
        try parameters.validate()
        let visible = try await visibleDossier(context, actor: actor, peildatum: peildatum)
        let tag = EntityTag.of(visible)
        if EntityTag.noneMatch(request, tag) { return EntityTag.notModified(tag) }
        guard let regels = try await service.tijdlijn(visible.id, peildatum: peildatum, voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        var headers = PageLinks(
            path: "/v1/dossiers/\(visible.id.uuidString.lowercased())/tijdlijn",
            filters: peildatum.map { [("peildatum", $0.tekst)] } ?? [], paging: paging, total: regels.count
        ).headers
        headers[.eTag] = tag
        return try APIJSON.response(TijdlijnDocument(tijdlijn: paging.slice(regels)), headers: headers)
    }

    @Sendable func gebeurtenissen(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        var parameters = QueryParameters(request, known: ["page", "pageSize"])
        let paging = parameters.paging(defaultSize: 100, maximumSize: 1000)
        try parameters.validate()
        guard let id = Self.dossierID(context), let page = try await service.gebeurtenissen(id, page: paging.page, pageSize: paging.pageSize)
        else {
            throw Problem.notFound("Dit dossier bestaat niet.")
        }
        let headers = PageLinks(
            path: "/v1/dossiers/\(id.uuidString.lowercased())/gebeurtenissen", filters: [], paging: paging, total: Int(page.total)
        ).headers
        return try APIJSON.response(EventList(gebeurtenissen: try page.events.map(EventDocument.init)), headers: headers)
    }

    // MARK: Commands

    @Sendable func open(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierCommandKind.openen.rollen)
        try QueryParameters(request, known: []).validate()
        let body = try await APIJSON.body(of: request)
        // A keyed request opens the same dossier id on every retry, so a retry cannot open a second one.
        let pad = context.commandID.map { ["id": StableUUID.derived(from: $0, "dossier").uuidString.lowercased()] } ?? [:]
        let command = try DossierCommand.parse(.openen, body: body, pad: pad).get()
        let outcome = try await service.open(command, context: commandContext(actor, context, expectedVersion: nil) { outcome in
            try Self.answer(outcome, status: .created, for: actor)
        })
        return try Self.response(outcome)
    }

    /// `PATCH /v1/dossiers/{id}`: a JSON Merge Patch (RFC 7396) of the voorstel.
    @Sendable func patch(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierCommandKind.wijzigVoorstel.rollen)
        try QueryParameters(request, known: []).validate()
        let expectedVersion = try EntityTag.expectedVersion(in: request)
        let body = try await APIJSON.body(of: request)
        let command = try DossierCommand.parse(.wijzigVoorstel, body: body).get()
        guard let id = Self.dossierID(context) else { throw Problem.notFound("Dit dossier bestaat niet.") }
        let outcome = try await service.execute(command, on: id, context: commandContext(actor, context, expectedVersion: expectedVersion) { outcome in
            try Self.answer(outcome, status: .ok, for: actor)
        })
        return try Self.response(outcome)
    }

    func command(_ route: DossierCommandRoute) -> @Sendable (Request, APIRequestContext) async throws -> Response {
        { request, context in
            let actor = try context.actor(allowing: route.kind.rollen)
            try QueryParameters(request, known: []).validate()
            let expectedVersion = try EntityTag.expectedVersion(in: request)
            let body = try await APIJSON.body(of: request)
            var pathParameters: [String: String] = [:]
            if let ronde = context.parameters.get("ronde") { pathParameters["ronde"] = ronde }
            let command = try DossierCommand.parse(route.kind, body: body, pad: pathParameters).get()
            guard let id = Self.dossierID(context) else {
                throw Problem.notFound("Dit dossier bestaat niet.")
            }
            // Two answers carry a member beside the dossier and are rendered from the whole of it.
            let heleDossier = route.kind == .openConsultatie || route.kind == .legToetsingVast
            let answer = commandContext(actor, context, expectedVersion: expectedVersion, heleDossier: heleDossier) { outcome in
                var document = DossierDocument(dossier: outcome.dossier)
                switch route.kind {
                case .openConsultatie: document.ronde = outcome.dossier.consultaties.map(\.ronde).max()
                case .legToetsingVast: document.advies = outcome.dossier.toetsing?.advies
                default: return try Self.answer(outcome, status: .created, for: actor)
                }
                return try Self.answer(document, status: .created, for: actor)
            }
            let outcome = try await service.execute(command, on: id, context: answer)
            return try Self.response(outcome)
        }
    }

    // MARK: Helpers

    /// The dossier of the `{id}` path parameter as the actor may see it, now or at a peildatum; 404
    /// when it does not exist (then) or the actor may not see it.
    private func visibleDossier(_ context: APIRequestContext, actor: Actor, peildatum: Peildatum?) async throws -> Dossier {
        guard let id = Self.dossierID(context), let dossier = try await service.dossier(id, peildatum: peildatum),
            let visible = dossier.zichtbaar(voor: actor)
        else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return visible
    }

    /// The command context; the answer is rendered inside the command's transaction and kept there
    /// for an `Idempotency-Key`, so events and kept answer commit together.
    private func commandContext(
        _ actor: Actor, _ context: APIRequestContext, expectedVersion: Int64?, heleDossier: Bool = false,
        render: @escaping @Sendable (CommandOutcome) throws -> StoredResponse
    ) -> CommandContext {
        CommandContext(
            actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID.willekeurig(), expectedVersion: expectedVersion,
            answer: CommandAnswer(ticket: context.idempotency, heleDossier: heleDossier, render: render)
        )
    }

    /// The answer rendered in the command's transaction.
    private static func response(_ outcome: CommandOutcome) throws -> Response {
        guard let answer = outcome.answer else { throw Problem.internalError }
        return answer.response()
    }

    /// The answer to a command that is the dossier as the actor may see it: the view the command
    /// rendered for the read model, its `Location` and its `ETag`.
    static func answer(_ outcome: CommandOutcome, status: HTTPResponse.Status, for actor: Actor) throws -> StoredResponse {
        guard let view = try outcome.weergave(voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return StoredResponse(
            status: Int(status.code),
            headers: [
                "Content-Type": MediaTypes.json,
                "Location": "/v1/dossiers/\(outcome.dossier.id.uuidString.lowercased())",
                "ETag": EntityTag.of(version: view.versie),
            ],
            body: view.document
        )
    }

    /// The answer to a command with extra members (`ronde`, `advies`): the dossier as the actor may
    /// see it, its `Location` and its `ETag`.
    static func answer(_ document: DossierDocument, status: HTTPResponse.Status, for actor: Actor) throws -> StoredResponse {
        guard let visible = document.dossier.zichtbaar(voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        let body = try APIJSON.encoder().encode(DossierDocument(dossier: visible, ronde: document.ronde, advies: document.advies))
        return StoredResponse(
            status: Int(status.code),
            headers: [
                "Content-Type": MediaTypes.json,
                "Location": "/v1/dossiers/\(visible.id.uuidString.lowercased())",
                "ETag": EntityTag.of(visible),
            ],
            body: body
        )
    }

    /// The `{id}` path parameter as a UUID; nil (answered with 404) when it is not one.
    static func dossierID(_ context: APIRequestContext) -> UUID? {
        context.parameters.get("id").flatMap(UUID.init(uuidString:))
    }
}
