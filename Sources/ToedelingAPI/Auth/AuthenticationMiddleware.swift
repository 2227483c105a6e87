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
        // Over the UTF-8 bytes: spaces, the scheme case-insensitively, a space, the token without the
        // spaces and tabs around it (Foundation's character sets cost more than the rest of a GET's
        // authentication).
        guard var bytes = header?.utf8[...] else { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
        let scheme = Array("bearer".utf8)
        guard bytes.count > scheme.count, zip(bytes.prefix(scheme.count), scheme).allSatisfy({ $0 | 0x20 == $1 }),
            let separator = bytes.dropFirst(scheme.count).first, separator == UInt8(ascii: " ")
        else { return nil }
        var token = bytes.dropFirst(scheme.count + 1)
        while let first = token.first, isBlank(first) { token = token.dropFirst() }
        while let last = token.last, isBlank(last) { token = token.dropLast() }
        return token.isEmpty ? nil : String(token)
    }
}
