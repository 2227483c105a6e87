import Hummingbird
import ToedelingHTTP

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
        guard path == "/" || !(path.hasSuffix("/") || Self.hasEmptySegment(path)) else {
            throw Problem.notFound()
        }
        // The router has looked the route up; only where it found none are the templates scanned, to
        // tell an unknown path (404) from a known one with another method (405).
        guard let route = registry.route(endpointPath: context.endpointPath, method: request.method) else {
            guard let allowed = registry.allowedMethods(path: path) else {
                throw Problem.notFound()
            }
            throw Problem.methodNotAllowed(allowed: allowed)
        }
        guard ContentNegotiation.best(accept: request.headers[.accept], offered: route.produces) != nil else {
            throw Problem.notAcceptable(offered: route.produces)
        }
        return try await next(request, context)
    }

    /// Whether the path holds `//`, read as bytes (Foundation's substring search costs more than the
    /// rest of this middleware on every request).
    static func hasEmptySegment(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/"), previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }
}
