import Hummingbird

/// Puts the `API-Version` on every response of the API, and `Access-Control-Allow-Origin: *` on
/// the public OpenAPI document alone (the security headers are `SecurityHeadersMiddleware`'s).
struct APIHeadersMiddleware: RouterMiddleware {
    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.apiVersion] = APIVersion.current
        if request.uri.path == OpenAPIController.path { response.headers[.accessControlAllowOrigin] = "*" }
        return response
    }
}
