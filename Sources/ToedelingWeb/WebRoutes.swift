import HTTPTypes
import Hummingbird
import Synchronization

/// The web application's routes (method and template), so that a known page asked with another
/// method is answered 405 with `Allow` rather than 404.
final class WebRoutes: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, delen: [Substring])]>([])

    func record(_ method: HTTPRequest.Method, _ template: String) {
        routes.withLock { $0.append((method, template.split(separator: "/"))) }
    }

    /// The methods of the templates that match `path` (with HEAD beside GET); nil when none does.
    func methoden(voor path: String) -> [HTTPRequest.Method]? {
        let delen = path.split(separator: "/")
        var methoden: [HTTPRequest.Method] = []
        for route in routes.withLock({ $0 }) where route.delen.count == delen.count {
            let past = zip(route.delen, delen).allSatisfy { sjabloon, deel in sjabloon.hasPrefix(":") || sjabloon == deel }
            if past, !methoden.contains(route.method) {
                methoden.append(route.method)
                if route.method == .get { methoden.append(.head) }
            }
        }
        return methoden.isEmpty ? nil : methoden
    }
}

/// Registers a route on the router and in `WebRoutes` at once.
struct WebRouter {
    let router: Router<WebRequestContext>
    let routes: WebRoutes

    func get(_ template: String, use handler: @Sendable @escaping (Request, WebRequestContext) async throws -> Response) {
        routes.record(.get, template)
        router.get(RouterPath(template), use: handler)
    }

    func post(_ template: String, use handler: @Sendable @escaping (Request, WebRequestContext) async throws -> Response) {
        routes.record(.post, template)
        router.post(RouterPath(template), use: handler)
    }
}
