import Foundation
import HTTPTypes
import Hummingbird
import ReadModels
import Taaktoedeling

/// The dossier endpoints: opening and reading dossiers, their timeline and raw events, and every
/// command on a dossier.
struct DossierController {
    let service: DossierService

    static let everyone: Set<Rol> = [.coordinator, .koepel, .liaison]

    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/dossiers", use: open)
        routes.on(.get, "/v1/dossiers", use: list)
        routes.on(.get, "/v1/dossiers/:id", use: show)
        routes.on(.get, "/v1/dossiers/:id/tijdlijn", use: tijdlijn)
        routes.on(.get, "/v1/dossiers/:id/gebeurtenissen", use: gebeurtenissen)
        for route in DossierCommandRoute.all {
            routes.on(.post, "/v1/dossiers/:id/" + route.path, use: command(route))
        }
    }

    // MARK: Reading

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        if actor.rol == .koepel, actor.koepel == nil { throw Problem.forbidden() }
        var parameters = QueryParameters(request, known: ["fase", "vakdepartement", "page", "pageSize"])
        let fase = parameters.choice("fase", Fase.self)
        let vakdepartement = parameters.text("vakdepartement")
        let page = parameters.integer("page", in: 1...1_000_000) ?? 1
        let pageSize = parameters.integer("pageSize", in: 1...100) ?? 20
        try parameters.validate()
        let query = DossierQuery(
            fase: fase,
            vakdepartement: vakdepartement,
            koepel: actor.rol == .koepel ? actor.koepel : nil,
            page: page,
            pageSize: pageSize
        )
        let result = try await service.dossiers(query)
        let visible = result.items.compactMap { $0.zichtbaar(voor: actor) }
        var headers: HTTPFields = [HTTPField.Name("X-Total-Count")!: String(result.total)]
        let links = PageLinks(query: query, total: result.total).header
        if !links.isEmpty { headers[.link] = links }
        return try APIJSON.response(DossierList(resultaten: visible), headers: headers)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        var parameters = QueryParameters(request, known: ["peildatum"])
        let peildatum = parameters.peildatum()
        try parameters.validate()
        guard let id = Self.dossierID(context), let dossier = try await service.dossier(id, peildatum: peildatum),
            let visible = dossier.zichtbaar(voor: actor)
        else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return try APIJSON.response(DossierDocument(dossier: visible), headers: [.eTag: EntityTag.of(visible)])
    }

    @Sendable func tijdlijn(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: Self.everyone)
        var parameters = QueryParameters(request, known: ["peildatum"])
        let peildatum = parameters.peildatum()
        try parameters.validate()
        guard let id = Self.dossierID(context), let regels = try await service.tijdlijn(id, peildatum: peildatum, voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return try APIJSON.response(TijdlijnDocument(tijdlijn: regels))
    }

    @Sendable func gebeurtenissen(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        try QueryParameters(request, known: []).validate()
        guard let id = Self.dossierID(context), let events = try await service.gebeurtenissen(id) else {
            throw Problem.notFound("Dit dossier bestaat niet.")
        }
        return try APIJSON.response(EventList(gebeurtenissen: try events.map(EventDocument.init)))
    }

    // MARK: Commands

    @Sendable func open(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let body = try await APIJSON.body(of: request)
        // A keyed request opens the same dossier id on every retry, so a retry cannot open a second one.
        let pad = context.commandID.map { ["id": StableUUID.derived(from: $0, "dossier").uuidString] } ?? [:]
        let command = try DossierCommand.parse(.openen, body: body, pad: pad).get()
        let outcome = try await service.open(command, context: commandContext(actor, context, expectedVersion: nil))
        return try created(outcome.dossier, for: actor)
    }

    func command(_ route: DossierCommandRoute) -> @Sendable (Request, APIRequestContext) async throws -> Response {
        { request, context in
            let actor = try context.actor(allowing: route.roles)
            try QueryParameters(request, known: []).validate()
            let expectedVersion = try EntityTag.expectedVersion(in: request)
            let body = try await APIJSON.body(of: request)
            var pathParameters: [String: String] = [:]
            if let ronde = context.parameters.get("ronde") { pathParameters["ronde"] = ronde }
            let command = try DossierCommand.parse(route.kind, body: body, pad: pathParameters).get()
            guard let id = Self.dossierID(context) else {
                throw Problem.notFound("Dit dossier bestaat niet.")
            }
            let outcome = try await service.execute(
                command, on: id, context: commandContext(actor, context, expectedVersion: expectedVersion)
            )
            var document = DossierDocument(dossier: outcome.dossier)
            switch route.kind {
            case .openConsultatie: document.ronde = outcome.dossier.consultaties.map(\.ronde).max()
            case .legToetsingVast: document.advies = outcome.dossier.toetsing?.advies
            default: break
            }
            return try created(document, for: actor)
        }
    }

    // MARK: Helpers

    private func commandContext(_ actor: Actor, _ context: APIRequestContext, expectedVersion: Int64?) -> CommandContext {
        CommandContext(actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID(), expectedVersion: expectedVersion)
    }

    private func created(_ dossier: Dossier, for actor: Actor) throws -> Response {
        try created(DossierDocument(dossier: dossier), for: actor)
    }

    /// 201 with the dossier as the actor may see it, its `Location` and its `ETag`.
    private func created(_ document: DossierDocument, for actor: Actor) throws -> Response {
        guard let visible = document.dossier.zichtbaar(voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return try APIJSON.response(
            DossierDocument(dossier: visible, ronde: document.ronde, advies: document.advies),
            status: .created,
            headers: [.location: "/v1/dossiers/\(visible.id.uuidString)", .eTag: EntityTag.of(visible)]
        )
    }

    /// The `{id}` path parameter as a UUID; nil (answered with 404) when it is not one.
    static func dossierID(_ context: APIRequestContext) -> UUID? {
        context.parameters.get("id").flatMap(UUID.init(uuidString:))
    }
}
