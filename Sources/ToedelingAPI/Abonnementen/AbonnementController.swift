import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Taaktoedeling

/// `/v1/abonnementen`: webhook subscriptions (coordinator only): make one (the signing secret is
/// shown once), list, show with the delivery state, remove, the delivery log, and a resend.
struct AbonnementController {
    let abonnementen: any AbonnementRegister

    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/abonnementen", use: create)
        routes.on(.get, "/v1/abonnementen", use: list)
        routes.on(.get, "/v1/abonnementen/:id", use: show)
        routes.on(.delete, "/v1/abonnementen/:id", use: delete)
        routes.on(.get, "/v1/abonnementen/:id/afleveringen", use: afleveringen)
        routes.on(.post, "/v1/abonnementen/:id/opnieuw", use: opnieuw)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let verzoek = try Abonnementverzoek.parse(try await APIJSON.body(of: request)).get()
        do {
            let (abonnement, geheim) = try await abonnementen.create(verzoek, door: actor.naam)
            var document = AbonnementDocument(abonnement)
            document.secret = geheim
            return try APIJSON.response(document, status: .created, headers: [.location: "/v1/abonnementen/\(document.id)"])
        } catch AbonnementError.callbackNietToegestaan(let reden) {
            throw InvalidInput("callbackUrl", reden)
        }
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        return try APIJSON.response(AbonnementList(resultaten: try await abonnementen.list().map(AbonnementDocument.init)))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        guard let id = Self.id(context), let abonnement = try await abonnementen.abonnement(id: id) else { throw Self.onbekend }
        return try APIJSON.response(AbonnementDocument(abonnement))
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        guard let id = Self.id(context), try await abonnementen.verwijder(id: id) else { throw Self.onbekend }
        return Response(status: .noContent)
    }

    @Sendable func afleveringen(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        var parameters = QueryParameters(request, known: ["page", "pageSize"])
        let paging = parameters.paging(defaultSize: 100, maximumSize: 1000)
        try parameters.validate()
        guard let id = Self.id(context), let log = try await abonnementen.afleveringen(id: id, page: paging.page, pageSize: paging.pageSize)
        else { throw Self.onbekend }
        let headers = PageLinks(path: "/v1/abonnementen/\(id.uuidString.lowercased())/afleveringen", filters: [], paging: paging, total: log.totaal).headers
        return try APIJSON.response(DeliveryList(resultaten: log.pogingen.map(DeliveryDocument.init)), headers: headers)
    }

    @Sendable func opnieuw(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let cursor = try Self.cursor(try await APIJSON.body(of: request))
        guard let id = Self.id(context) else { throw Self.onbekend }
        do {
            let aantal = try await abonnementen.opnieuw(id: id, na: cursor)
            return try APIJSON.response(ResendDocument(opnieuwGepland: aantal), status: .accepted)
        } catch AbonnementError.onbekend {
            throw Self.onbekend
        }
    }

    /// The resend body: `{"na": cursor}` or nothing (the dead-lettered deliveries).
    static func cursor(_ body: JSONValue) throws -> FeedPosition? {
        guard case .object(let velden) = body else { throw InvalidInput("body", "moet een JSON-object zijn") }
        var problemen: [FieldProblem] = velden.keys.filter { $0 != "na" }.sorted().map { FieldProblem(name: $0, reason: "is geen bekend veld") }
        var cursor: FeedPosition?
        switch velden["na"] {
        case nil: break
        case .string(let token)?:
            cursor = FeedPosition(token: token)
            if cursor == nil { problemen.insert(FieldProblem(name: "na", reason: "is geen cursor uit de feed (volgende)"), at: 0) }
        default:
            problemen.insert(FieldProblem(name: "na", reason: "moet een cursor als tekst zijn"), at: 0)
        }
        if !problemen.isEmpty { throw InvalidInput(problems: problemen) }
        return cursor
    }

    static func id(_ context: APIRequestContext) -> UUID? {
        context.parameters.get("id").flatMap(UUID.init(uuidString:))
    }

    static var onbekend: Problem { Problem.notFound("Dit abonnement bestaat niet.") }
}

/// A subscription as the API shows it; `secret` only in the answer that made it.
struct AbonnementDocument: Encodable {
    struct Filters: Encodable {
        let types: [String]
        let dossiers: [String]
    }

    struct Staat: Encodable {
        let laatsteSucces: Date?
        let mislukkingen: Int
        let storingSinds: Date?
        let volgendePoging: Date?
        let laatsteFout: String?
        let wachtend: Int
        let doodgelegd: Int
    }

    let id: String
    let callbackUrl: String
    let metAuth: Bool
    let filters: Filters
    let koepel: String?
    let aangemaaktDoor: String
    let aangemaaktOp: Date
    let staat: Staat
    var secret: String?

    init(_ abonnement: Abonnement) {
        id = abonnement.id.uuidString.lowercased()
        callbackUrl = abonnement.callbackURL
        metAuth = abonnement.metAuth
        filters = Filters(types: abonnement.types, dossiers: abonnement.dossiers.map { $0.uuidString.lowercased() })
        koepel = abonnement.koepel?.rawValue
        aangemaaktDoor = abonnement.aangemaaktDoor
        aangemaaktOp = abonnement.aangemaaktOp
        staat = Staat(
            laatsteSucces: abonnement.laatsteSucces, mislukkingen: abonnement.mislukkingen, storingSinds: abonnement.storingSinds,
            volgendePoging: abonnement.volgendePoging, laatsteFout: abonnement.laatsteFout, wachtend: abonnement.wachtend,
            doodgelegd: abonnement.doodgelegd
        )
    }
}

struct AbonnementList: Encodable {
    let resultaten: [AbonnementDocument]
}

/// One attempt in the delivery log.
struct DeliveryDocument: Encodable {
    let eventId: String
    let sequence: String
    let tijdstip: Date
    let httpStatus: Int?
    let fout: String?
    let duurMs: Int
    let geslaagd: Bool

    init(_ poging: DeliveryAttempt) {
        eventId = poging.eventID.uuidString.lowercased()
        sequence = poging.sequence
        tijdstip = poging.tijdstip
        httpStatus = poging.httpStatus
        fout = poging.fout
        duurMs = poging.duurMs
        geslaagd = poging.geslaagd
    }
}

struct DeliveryList: Encodable {
    let resultaten: [DeliveryDocument]
}

struct ResendDocument: Encodable {
    let opnieuwGepland: Int
}
