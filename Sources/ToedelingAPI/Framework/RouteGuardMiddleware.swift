import Hummingbird

/// Answers what the router alone would get wrong: a trailing slash or an empty segment is 404 and a known
/// path with an unregistered method is 405 with `Allow`; an `Accept` that names none of the route's
/// media types is 406.
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
        guard let routes = registry.matching(path: path) else {
            throw Problem.notFound()
        }
        guard let route = routes.first(where: { $0.method == request.method }) else {
            throw Problem.methodNotAllowed(allowed: routes.map(\.method))
        }
        guard ContentNegotiation.best(accept: request.headers[.accept], offered: route.produces) != nil else {
            throw Problem.notAcceptable(offered: route.produces)
        }
        return try await next(request, context)
    }
}
