import HTTPTypes
import Hummingbird

/// Registers routes on the router and records them in the registry at the same time.
struct APIRoutes {
    let router: Router<APIRequestContext>
    let registry: RouteRegistry

    /// Adds a route.
    func on(
        _ method: HTTPRequest.Method,
        _ template: String,
        use handler: @Sendable @escaping (Request, APIRequestContext) async throws -> Response
    ) {
        registry.record(method, template)
        router.on(RouterPath(template), method: method, use: handler)
    }
}
