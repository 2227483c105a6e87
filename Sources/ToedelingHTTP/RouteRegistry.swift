import HTTPTypes
import Synchronization

/// Every route a router serves (method and path template), so that 404, 405 with `Allow`, metrics
/// labels and the OpenAPI check all agree with what is registered. The API and the web application
/// each keep one; both tell 404 from 405 with it.
public final class RouteRegistry: Sendable {
    private let entries = Mutex<[RegisteredRoute]>([])
    /// The routes by method and the path the router reports for a match (`endpointPath`, OpenAPI
    /// notation): a lookup per request instead of a scan of every template.
    private let byEndpoint = Mutex<[String: RegisteredRoute]>([:])

    /// Creates an empty registry.
    public init() {}

    /// The registered routes in registration order.
    public var routes: [RegisteredRoute] {
        entries.withLock { $0 }
    }

    /// Records a route.
    public func record(_ method: HTTPRequest.Method, _ template: String, produces: [String], streamsBody: Bool = false) {
        let route = RegisteredRoute(method: method, template: template, produces: produces, streamsBody: streamsBody)
        entries.withLock { $0.append(route) }
        byEndpoint.withLock { $0[Self.key(method, route.openAPIPath)] = route }
    }

    /// The route Hummingbird's router matched, from the request context's `endpointPath`; nil when
    /// it matched none (then only `matching(path:)` tells 404 from 405).
    public func route(endpointPath: String?, method: HTTPRequest.Method) -> RegisteredRoute? {
        guard let endpointPath else { return nil }
        return byEndpoint.withLock { $0[Self.key(method, endpointPath)] }
    }

    private static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        method.rawValue + " " + path
    }

    /// The routes whose template matches `path` (one per method), or nil when none does.
    public func matching(path: String) -> [RegisteredRoute]? {
        let matching = routes.filter { $0.matches(path: path) }
        return matching.isEmpty ? nil : matching
    }

    /// The methods a path the router did not match is served with (for `Allow` of a 405), in
    /// registration order; nil when no template fits it (404).
    public func allowedMethods(path: String) -> [HTTPRequest.Method]? {
        matching(path: path).map { $0.map(\.method) }
    }
}
