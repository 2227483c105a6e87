import Hummingbird

/// Answers what the router alone would get wrong: a trailing slash or an empty segment is 404 and a known
/// path with an unregistered method is 405 with `Allow`.
struct RouteGuardMiddleware: RouterMiddleware {
    let registry: RouteRegistry

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == "/" || !(path.hasSuffix("/") || path.contains("//")) else {
            throw Problem.notFound()
        }
        guard let allowed = registry.allowedMethods(forPath: path) else {
            throw Problem.notFound()
        }
        guard allowed.contains(request.method) else {
            throw Problem.methodNotAllowed(allowed: allowed)
        }
        return try await next(request, context)
    }
}
