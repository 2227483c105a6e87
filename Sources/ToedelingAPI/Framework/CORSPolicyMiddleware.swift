import HTTPTypes
import Hummingbird

/// Cross-origin access only for the configured origins (`TOEDELING_CORS_ORIGINS`): a preflight from
/// another origin is refused with 403 and other responses to it carry no CORS headers.
struct CORSPolicyMiddleware: RouterMiddleware {
    let allowedOrigins: Set<String>

    static let allowedHeaders = "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key, X-Request-ID"
    static let exposedHeaders = "API-Version, ETag, Location, Link, X-Request-ID, Toedeling-Compleet-Tot"
    static let allowedMethods = "GET, HEAD, POST, PATCH, OPTIONS"

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        let allowed = allowedOrigins.contains(origin)
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        if isPreflight {
            guard allowed else {
                var response = try Problem.forbidden("Deze origin heeft geen toegang.").response(from: request, context: context)
                response.headers[.vary] = "Origin"
                return response
            }
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: origin,
                    .accessControlAllowMethods: Self.allowedMethods,
                    .accessControlAllowHeaders: Self.allowedHeaders,
                    .accessControlMaxAge: "600",
                    .vary: "Origin",
                ]
            )
        }
        var response = try await next(request, context)
        response.headers[values: .vary].append("Origin")
        if allowed {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        }
        return response
    }
}
