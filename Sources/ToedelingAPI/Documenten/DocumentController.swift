import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Dossiers
import Taaktoedeling

/// The documents of a dossier: uploading (multipart, streamed into PostgreSQL), listing, metadata
/// with versions, and the bytes (streamed, with `Range`, `ETag`, `Repr-Digest`).
struct DocumentController {
    let service: DossierService
    /// The largest file accepted (`TOEDELING_DOCUMENT_MAX_BYTES`).
    let maximumBytes: Int64

    /// Room for the multipart framing and the metadata part around the file in `Content-Length`.
    static let framingAllowance: Int64 = 128 * 1024

    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/dossiers/:id/documenten", streamsBody: true, use: upload)
        routes.on(.get, "/v1/dossiers/:id/documenten", use: list)
        routes.on(.get, "/v1/dossiers/:id/documenten/:documentId", use: show)
        routes.on(.get, "/v1/dossiers/:id/documenten/:documentId/inhoud", produces: ["*/*"], use: content)
    }

    // MARK: Upload

    @Sendable func upload(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierCommandKind.voegDocumentToe.rollen)
        try QueryParameters(request, known: []).validate()
        let expectedVersion = try EntityTag.expectedVersion(in: request)
        guard let id = DossierController.dossierID(context), try await service.weergave(id, voor: actor) != nil else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        if let declared = request.headers[.contentLength].flatMap(Int64.init), declared > maximumBytes + Self.framingAllowance {
            throw Problem.documentTooLarge(maximum: maximumBytes)
        }
        guard let contentType = request.headers[.contentType],
              MultipartReader.parameters(contentType).essence == "multipart/form-data"
        else {
            throw Problem.unsupportedUpload
        }
        let commandContext = CommandContext(
            actor: actor, correlationID: context.requestID, commandID: context.commandID ?? UUID.willekeurig(), expectedVersion: expectedVersion
        )
        let body = request.body
        let result = try await service.voegDocumentToe(aan: id, context: commandContext, maximum: maximumBytes) { upload in
            guard let ontvangst = MultipartUpload(contentType: contentType, upload: upload, bestandsveld: "inhoud") else {
                throw DocumentUploadError.invalid(InvalidInput("Content-Type", "mist een geldige boundary"))
            }
            for try await buffer in body {
                try await ontvangst.voed(buffer.readableBytesView)
            }
            try ontvangst.afsluiten()
            return try Self.received(ontvangst)
        }
        let document = result.document
        let location = "/v1/dossiers/\(id.uuidString.lowercased())/documenten/\(document.id.uuidString.lowercased())"
        return try APIJSON.response(DocumentDocument(document: document), status: .created, headers: [.location: location])
    }

    /// The metadata part and the file part's name and type, every problem at once.
    private static func received(_ ontvangst: MultipartUpload) throws -> DocumentOntvangen {
        var problems: [FieldProblem] = []
        var metadata: DocumentMetadata?
        if let text = ontvangst.velden["metadata"] {
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
                switch DocumentMetadata.parse(value) {
                case .success(let parsed): metadata = parsed
                case .failure(let invalid): problems += invalid.problems.map { FieldProblem(name: "metadata.\($0.name)", reason: $0.reason) }
                }
            } else {
                problems.append(FieldProblem(name: "metadata", reason: "is geen geldig JSON-document"))
            }
        } else {
            problems.append(FieldProblem(name: "metadata", reason: "is verplicht (een deel met JSON: titel, documentsoort, vertrouwelijkheid)"))
        }
        for name in ontvangst.velden.keys.sorted() where name != "metadata" {
            problems.append(FieldProblem(name: name, reason: "is geen bekend deel (verwacht: metadata en inhoud)"))
        }
        var fileName: String?
        if let file = ontvangst.bestand {
            if let name = file.naam {
                if let problem = Bestandsnaam.probleem(name) {
                    problems.append(FieldProblem(name: "inhoud.bestandsnaam", reason: problem))
                } else {
                    fileName = name
                }
            } else {
                problems.append(FieldProblem(name: "inhoud.bestandsnaam", reason: "is verplicht (filename in de Content-Disposition van het deel)"))
            }
        } else {
            problems.append(FieldProblem(name: "inhoud", reason: "is verplicht (een deel met het bestand)"))
        }
        guard problems.isEmpty, let metadata, let fileName else { throw DocumentUploadError.invalid(InvalidInput(problems: problems)) }
        return DocumentOntvangen(metadata: metadata, bestandsnaam: fileName, gedeclareerdType: ontvangst.bestand?.type)
    }

    // MARK: Reading

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierController.everyone)
        try QueryParameters(request, known: []).validate()
        guard let id = DossierController.dossierID(context), let documents = try await service.documenten(van: id, voor: actor) else {
            throw Problem.notFound("Dit dossier bestaat niet of is niet zichtbaar.")
        }
        return try APIJSON.response(DocumentList(resultaten: documents.map { DocumentDocument(document: $0) }))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierController.everyone)
        try QueryParameters(request, known: []).validate()
        let found = try await visibleDocument(context, actor: actor)
        return try APIJSON.response(DocumentDocument(document: found.document, versies: found.versies))
    }

    @Sendable func content(_ request: Request, context: APIRequestContext) async throws -> Response {
        let actor = try context.actor(allowing: DossierController.everyone)
        try QueryParameters(request, known: []).validate()
        let document = try await visibleDocument(context, actor: actor).document
        let tag = DocumentHeaders.entityTag(document)
        var headers: HTTPFields = [:]
        for field in DocumentHeaders.fields(document) {
            if let name = HTTPField.Name(field.name) { headers[name] = field.value }
        }
        if EntityTag.noneMatch(request, tag) { return Response(status: .notModified, headers: headers) }
        var range = Int64(0)..<document.omvang
        var status = HTTPResponse.Status.ok
        if let header = request.headers[.range], request.headers[.ifRange].map({ $0 == tag }) ?? true {
            switch ByteRange.parse(header, size: document.omvang) {
            case .whole:
                break
            case .part(let part):
                range = part
                status = .partialContent
                headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(document.omvang)"
            case .unsatisfiable:
                headers[.contentRange] = "bytes */\(document.omvang)"
                headers[.contentType] = nil
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
        }
        let service = service
        let sha256 = document.sha256
        let bytes = range
        return Response(status: status, headers: headers, body: ResponseBody(contentLength: Int(range.count)) { writer in
            try await service.leesInhoud(sha256: sha256, bereik: bytes) { piece in
                try await writer.write(ByteBuffer(bytes: piece))
            }
            try await writer.finish(nil)
        })
    }

    /// The document of the path as the actor may see it; 404 when it does not exist or is not visible.
    private func visibleDocument(_ context: APIRequestContext, actor: Actor) async throws -> (document: Document, versies: [Document]) {
        guard let id = DossierController.dossierID(context),
              let documentID = context.parameters.get("documentId").flatMap(UUID.init(uuidString:)),
              let found = try await service.document(documentID, van: id, voor: actor)
        else {
            throw Problem.notFound("Dit document bestaat niet of is niet zichtbaar.")
        }
        return found
    }

}
