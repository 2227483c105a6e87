import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Requires `Authorization: Bearer <token>` on everything under `/v1` except the OpenAPI document;
/// missing, malformed, unknown and revoked tokens all get 401 with `WWW-Authenticate: Bearer`.
struct AuthenticationMiddleware: RouterMiddleware {
    let tokens: TokenStore

    static let publicPaths: Set<String> = ["/v1/openapi.json"]

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == "/v1" || path.hasPrefix("/v1/"), !Self.publicPaths.contains(path) else {
            return try await next(request, context)
        }
        guard let token = Self.bearerToken(in: request.headers[.authorization]),
            let actor = try await tokens.authenticate(token: token)
        else {
            throw Problem.unauthenticated
        }
        var context = context
        context.actor = actor
        context.logger[metadataKey: "actor.token"] = .string(actor.tokenID?.uuidString.lowercased() ?? "")
        context.logger[metadataKey: "actor.rol"] = .string(actor.rol.rawValue)
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive).
    static func bearerToken(in header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
