import HTTPTypes
import Hummingbird
import ToedelingHTTP

/// Registers a page on the router and in the web application's `RouteRegistry` at once, so that a
/// known page asked with another method is answered 405 with `Allow` (as the API does). A GET page
/// answers HEAD too (the router's own HEAD endpoints), so HEAD is recorded beside it.
struct WebRouter {
    let router: Router<WebRequestContext>
    let routes: RouteRegistry

    func get(_ template: String, use handler: @Sendable @escaping (Request, WebRequestContext) async throws -> Response) {
        routes.record(.get, template, produces: ["text/html"])
        routes.record(.head, template, produces: ["text/html"])
        router.get(RouterPath(template), use: handler)
    }

    func post(_ template: String, use handler: @Sendable @escaping (Request, WebRequestContext) async throws -> Response) {
        routes.record(.post, template, produces: ["text/html"])
        router.post(RouterPath(template), use: handler)
    }
}
