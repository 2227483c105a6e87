import HTTPTypes
import Hummingbird
import ToedelingHTTP

/// Registers routes on the router and records them in the registry at the same time.
struct APIRoutes {
    let router: Router<APIRequestContext>
    let registry: RouteRegistry

    /// Adds a route answering in one of `produces` (JSON by default). A GET route answers HEAD as
    /// well (RFC 9110 §9.3.2), by the router's own HEAD endpoints (`autoGenerateHeadEndpoints`): the
    /// GET's status and headers, its `Content-Length` included, and no body; the registry records it.
    func on(
        _ method: HTTPRequest.Method,
        _ template: String,
        produces: [String] = [MediaTypes.json],
        streamsBody: Bool = false,
        use handler: @Sendable @escaping (Request, APIRequestContext) async throws -> Response
    ) {
        registry.record(method, template, produces: produces, streamsBody: streamsBody)
        router.on(RouterPath(template), method: method, use: handler)
        if method == .get { registry.record(.head, template, produces: produces) }
    }
}
