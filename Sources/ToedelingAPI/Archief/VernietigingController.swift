import Foundation
import HTTPTypes
import Hummingbird
import Dossiers
import NIOCore
import Rapportage
import Taaktoedeling

/// Vernietigingslijsten (RECORDS.md): proposed by one coordinator, approved or refused by another;
/// approval destroys the dossiers and keeps the verklaring van vernietiging.
struct VernietigingController {
    let service: DossierService
    let nu: @Sendable () -> Date

    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/vernietigingslijsten", use: voorstellen)
        routes.on(.get, "/v1/vernietigingslijsten", use: lijsten)
        routes.on(.get, "/v1/vernietigingslijsten/:id", use: lijst)
        routes.on(.post, "/v1/vernietigingslijsten/:id/goedkeuring", use: goedkeuren)
        routes.on(.post, "/v1/vernietigingslijsten/:id/afwijzing", use: afwijzen)
        routes.on(.get, "/v1/vernietigingslijsten/:id/verklaring", produces: ["text/html", "text/csv"], use: verklaring)
    }

    var vandaag: Kalenderdatum { AmsterdamseTijd.kalenderdatum(van: nu()) }

    static func lijstID(_ context: APIRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("Er is geen vernietigingslijst met dit id.")
        }
        return id
    }

    static func location(_ lijst: Vernietigingslijst) -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[.location] = "/v1/vernietigingslijsten/" + lijst.id.uuidString.lowercased()
        return headers
    }

    /// `POST /v1/vernietigingslijsten` `{"dossiers": [ids]}` → 201 with the list.
    @Sendable func voorstellen(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let body = try await APIJSON.body(of: request)
        var problems: [InvalidParam] = []
        var ids: [UUID] = []
        if case .object(let fields) = body {
            for name in fields.keys.sorted() where name != "dossiers" {
                problems.append(InvalidParam(name: name, reason: "is geen bekend veld"))
            }
            switch fields["dossiers"] {
            case .array(let items)?:
                for (index, item) in items.enumerated() {
                    if case .string(let text) = item, let id = UUID(uuidString: text) {
                        ids.append(id)
                    } else {
                        problems.append(InvalidParam(name: "dossiers[\(index)]", reason: "moet het id (UUID) van een dossier zijn"))
                    }
                }
            case nil, .null?: problems.append(InvalidParam(name: "dossiers", reason: "is verplicht"))
            default: problems.append(InvalidParam(name: "dossiers", reason: "moet een lijst van dossier-id's zijn"))
            }
        } else {
            problems.append(InvalidParam(name: "body", reason: "moet een JSON-object zijn"))
        }
        guard problems.isEmpty else { throw Problem.invalidInput(problems) }
        let lijst = try await service.stelVernietigingslijstVoor(dossiers: ids, door: actor, vandaag: vandaag)
        return try APIJSON.response(lijst, status: .created, headers: Self.location(lijst))
    }

    @Sendable func lijsten(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        struct Document: Encodable { let resultaten: [Vernietigingslijst] }
        return try APIJSON.response(Document(resultaten: try await service.vernietigingslijsten()))
    }

    @Sendable func lijst(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        guard let lijst = try await service.vernietigingslijst(try Self.lijstID(context)) else {
            throw Problem.notFound("Er is geen vernietigingslijst met dit id.")
        }
        return try APIJSON.response(lijst)
    }

    /// `POST …/goedkeuring`: another coordinator approves; the dossiers are destroyed.
    @Sendable func goedkeuren(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let body = try await APIJSON.body(of: request)
        guard case .object(let fields) = body else { throw Problem.invalidInput([InvalidParam(name: "body", reason: "moet leeg of een leeg JSON-object zijn")]) }
        if let name = fields.keys.sorted().first { throw Problem.invalidInput([InvalidParam(name: name, reason: "is geen bekend veld")]) }
        let id = try Self.lijstID(context)
        let commandContext = CommandContext(actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID.willekeurig())
        let lijst = try await service.keurVernietigingslijstGoed(
            id, door: actor, context: commandContext, vandaag: vandaag, verklaring: VerklaringVanVernietiging.render
        )
        return try APIJSON.response(lijst)
    }

    /// `POST …/afwijzing` `{"reden": "…"}`: another coordinator refuses; nothing is destroyed.
    @Sendable func afwijzen(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: []).validate()
        let body = try await APIJSON.body(of: request)
        var problems: [InvalidParam] = []
        var reden: String?
        if case .object(let fields) = body {
            for name in fields.keys.sorted() where name != "reden" {
                problems.append(InvalidParam(name: name, reason: "is geen bekend veld"))
            }
            switch fields["reden"] {
            case .string(let text)? where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && text.count <= 2_000: reden = text
            case nil, .null?: problems.append(InvalidParam(name: "reden", reason: "is verplicht"))
            default: problems.append(InvalidParam(name: "reden", reason: "moet een tekst van 1 tot 2000 tekens zijn"))
            }
        } else {
            problems.append(InvalidParam(name: "body", reason: "moet een JSON-object zijn"))
        }
        guard problems.isEmpty, let reden else { throw Problem.invalidInput(problems) }
        let lijst = try await service.wijsVernietigingslijstAf(try Self.lijstID(context), door: actor, reden: reden)
        return try APIJSON.response(lijst)
    }

    /// `GET …/verklaring[?formaat=csv]`: the kept verklaring van vernietiging (HTML by default).
    @Sendable func verklaring(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        try QueryParameters(request, known: ["formaat"]).validate()
        let formaat = request.uri.queryParameters.get("formaat").map { String($0) } ?? "html"
        guard formaat == "html" || formaat == "csv" else {
            throw Problem.invalidInput([InvalidParam(name: "formaat", reason: "moet html of csv zijn")])
        }
        let id = try Self.lijstID(context)
        guard let lijst = try await service.vernietigingslijst(id) else { throw Problem.notFound("Er is geen vernietigingslijst met dit id.") }
        guard let verklaring = try await service.verklaringVanVernietiging(id) else {
            throw Problem.conflict("Er is pas een verklaring van vernietiging als de lijst is goedgekeurd (deze lijst is \(lijst.status.rawValue)).")
        }
        var headers: HTTPFields = [:]
        let naam = "verklaring-van-vernietiging-\(id.uuidString.lowercased().prefix(8))"
        if formaat == "csv" {
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = ContentDisposition.attachment(fileName: naam + ".csv")
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: verklaring.csv)))
        }
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: verklaring.html)))
    }
}
