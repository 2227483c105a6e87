import Hummingbird

/// Puts the `API-Version` and the security headers of the API Design Rules on every response:
/// `Strict-Transport-Security` only when configured (behind TLS), and `Access-Control-Allow-Origin: *`
/// on the public OpenAPI document alone.
struct StandardHeadersMiddleware: RouterMiddleware {
    /// The `Strict-Transport-Security` value, or nil to send none (plain HTTP).
    let strictTransportSecurity: String?

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.apiVersion] = APIVersion.current
        response.headers[.cacheControl] = "no-store"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        // A route's own policy (a document's `sandbox`) is kept and framing refused on top of it.
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy].map { "\($0); frame-ancestors 'none'" }
            ?? "frame-ancestors 'none'"
        if let strictTransportSecurity { response.headers[.strictTransportSecurity] = strictTransportSecurity }
        response.headers[.referrerPolicy] = "no-referrer"
        if request.uri.path == OpenAPIController.path { response.headers[.accessControlAllowOrigin] = "*" }
        return response
    }
}
