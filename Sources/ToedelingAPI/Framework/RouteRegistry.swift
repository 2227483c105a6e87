import HTTPTypes
import Synchronization

/// Every route the router serves (method and path template), so that 404, 405 with `Allow`, metrics
/// labels and the OpenAPI check all agree with what is registered.
public final class RouteRegistry: Sendable {
    private let entries = Mutex<[RegisteredRoute]>([])

    /// Creates an empty registry.
    public init() {}

    /// The registered routes in registration order.
    public var routes: [RegisteredRoute] {
        entries.withLock { $0 }
    }

    /// Records a route.
    func record(_ method: HTTPRequest.Method, _ template: String, produces: [String]) {
        entries.withLock { $0.append(RegisteredRoute(method: method, template: template, produces: produces)) }
    }

    /// The routes whose template matches `path` (one per method), or nil when none does.
    func matching(path: String) -> [RegisteredRoute]? {
        let matching = routes.filter { $0.matches(path: path) }
        return matching.isEmpty ? nil : matching
    }

    /// The template that serves `method` on `path`, for metrics labels.
    func template(forPath path: String, method: HTTPRequest.Method) -> String? {
        routes.first { $0.method == method && $0.matches(path: path) }?.template
    }
}
