import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Dossiers
import ToedelingHTTP

/// `Idempotency-Key` on a POST: the first request with a key is processed and its response kept (in
/// PostgreSQL, so every instance sees it); a retry with the same key and request gets that response
/// again and writes nothing; the same key with another request is 422. A concurrent duplicate waits
/// for the first to finish and then replays it, or gets 409 when it takes too long. Server-side
/// failures (5xx) are not kept, so that a retry runs again. A command keeps its response in the
/// transaction that records its events (`IdempotencyTicket`), so the two commit together. Records
/// expire after the store's time to live (`TOEDELING_IDEMPOTENCY_TTL`, 24 hours by default).
///
/// A route that streams its body (a document upload) cannot be compared before it runs: there the key
/// only fixes the command id, so a retry of the same upload adds nothing and answers with the
/// document the first one added (see `DossierService.voegDocumentToe`).
struct IdempotencyMiddleware: RouterMiddleware {
    let registry: RouteRegistry
    let store: IdempotencyStore
    /// How long a duplicate waits for the first request before giving up with 409.
    let waitLimit: Duration

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, let key = request.headers[.idempotencyKey], let actor = context.actor,
            let tokenID = actor.tokenID
        else {
            return try await next(request, context)
        }
        guard Self.isAcceptable(key) else {
            throw Problem.invalidInput(
                [InvalidParam(name: "Idempotency-Key", reason: "moet 1 tot 255 zichtbare ASCII-tekens zijn")]
            )
        }
        var request = request
        var context = context
        context.commandID = StableUUID.derived(from: tokenID, "idempotency-key:" + key)
        if registry.route(endpointPath: context.endpointPath, method: request.method)?.streamsBody == true {
            return try await next(request, context)
        }
        let body = try await request.collectBody(upTo: APIVersion.maximumBodySize)
        let requestHash = Self.hash(method: request.method, path: request.uri.description, tokenID: tokenID, body: body)
        let deadline = ContinuousClock.now + waitLimit
        var pause = Duration.milliseconds(20)
        let claimID = UUID.willekeurig()
        while true {
            switch try await store.claim(tokenID: tokenID, key: key, requestHash: requestHash, claimID: claimID) {
            case .claimed:
                context.idempotency = IdempotencyTicket(store: store, tokenID: tokenID, key: key)
                return try await process(request, context: context, next: next, tokenID: tokenID, key: key, claimID: claimID)
            case .completed(let stored):
                context.logger.info("idempotent replay", metadata: ["idempotency.key": .string(key)])
                return Self.replay(stored)
            case .mismatch:
                throw Problem.idempotencyKeyReused
            case .inProgress:
                guard ContinuousClock.now < deadline else { throw Problem.idempotencyInProgress }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(500))
            }
        }
    }

    private func process(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response,
        tokenID: UUID,
        key: String,
        claimID: UUID
    ) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Problem(mapping: error)
            guard problem.status.kind == .clientError else {
                await store.releaseEventually(tokenID: tokenID, key: key, claimID: claimID, logger: context.logger)
                throw error
            }
            return try await keep(try problem.response(from: request, context: context), tokenID: tokenID, key: key)
        }
        guard response.status.kind != .serverError else {
            await store.releaseEventually(tokenID: tokenID, key: key, claimID: claimID, logger: context.logger)
            return response
        }
        // A command kept its response in its own transaction; anything else (a refusal, which wrote
        // nothing, or an answer that stores nothing) is kept here.
        if context.idempotency?.isKept == true { return response }
        return try await keep(response, tokenID: tokenID, key: key)
    }

    private func keep(_ response: Response, tokenID: UUID, key: String) async throws -> Response {
        var response = response
        let body = try await CollectingBodyWriter.collect(response.body)
        var headers: [String: String] = [:]
        for name in StoredResponse.keptHeaders {
            if let field = HTTPField.Name(name), let value = response.headers[field] { headers[name] = value }
        }
        let stored = StoredResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: body))
        try await store.complete(tokenID: tokenID, key: key, response: stored)
        response.body = .init(byteBuffer: body)
        return response
    }

    /// The kept response again, marked as a replay.
    static func replay(_ stored: StoredResponse) -> Response {
        stored.response(replayed: true)
    }

    /// SHA-256 over method, path with query, token id and body: what makes two requests "the same".
    static func hash(method: HTTPRequest.Method, path: String, tokenID: UUID, body: ByteBuffer) -> Data {
        var hasher = SHA256()
        for part in [method.rawValue, path, tokenID.uuidString.lowercased()] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        hasher.update(data: Data(buffer: body))
        return Data(hasher.finalize())
    }

    /// A key is 1–255 visible ASCII characters.
    static func isAcceptable(_ key: String) -> Bool {
        (1...255).contains(key.utf8.count) && key.utf8.allSatisfy { (0x21...0x7e).contains($0) }
    }
}
