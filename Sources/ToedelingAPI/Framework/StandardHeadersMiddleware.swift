import Hummingbird

/// Puts the `API-Version` and the security headers of the API Design Rules on every response.
struct StandardHeadersMiddleware: RouterMiddleware {
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
        response.headers[.contentSecurityPolicy] = "frame-ancestors 'none'"
        response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}
