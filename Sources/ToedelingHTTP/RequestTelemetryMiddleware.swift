import Foundation
import Hummingbird
import Logging
import Metrics
import Synchronization

/// One structured log line and the Prometheus request metrics per request: method, route template,
/// status and duration (never the `Authorization` header). The router it runs in names the route
/// (`route`) and says how a path may be logged (`loggablePath`: a path can hold a secret).
public struct RequestTelemetryMiddleware<Context: RequestContext>: RouterMiddleware {
    let route: @Sendable (Request, Context) -> String?
    let loggablePath: @Sendable (String) -> String
    private let handles: RequestMetricHandles

    /// Records into `metricsFactory`; `route` gives the matched route's label (nil: "unmatched").
    public init(
        metricsFactory: any MetricsFactory,
        route: @escaping @Sendable (Request, Context) -> String?,
        loggablePath: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.route = route
        self.loggablePath = loggablePath
        handles = RequestMetricHandles(factory: metricsFactory)
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let route = self.route(request, context) ?? "unmatched"
        let status = String(response.status.code)
        let metrics = handles.handles(method: request.method.rawValue, route: route, status: status)
        metrics.counter.increment()
        metrics.timer.record(duration: elapsed)
        // The line is built only when it is written (level `info` or lower).
        guard context.logger.logLevel <= .info else { return response }
        // Tenths of a millisecond, rounded, written as digits (no `String(format:)` per request).
        let tenths = (elapsed.components.seconds * 100_000 + elapsed.components.attoseconds / 10_000_000_000_000 + 5) / 10
        context.logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(loggablePath(request.uri.path)),
                "http.route": .string(route),
                "http.status": .string(status),
                "http.duration_ms": .string("\(tenths / 10).\(tenths % 10)"),
            ]
        )
        return response
    }
}

/// The counter and timer of each (method, route, status) a server has answered, made by the metrics
/// factory once and kept: making them per request (the factory's registry lookup of the name and its
/// labels) cost a few per cent of a GET's server CPU. At most `capacity` kept (a client can send any
/// method); beyond that they are made per request as before, so the figures are the same.
final class RequestMetricHandles: Sendable {
    struct Key: Hashable {
        let method: String
        let route: String
        let status: String
    }

    struct Handles: @unchecked Sendable {
        let counter: Counter
        let timer: Metrics.Timer
    }

    static let capacity = 1_024
    private let factory: any MetricsFactory
    private let kept = Mutex<[Key: Handles]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func handles(method: String, route: String, status: String) -> Handles {
        let key = Key(method: method, route: route, status: status)
        if let known = kept.withLock({ $0[key] }) { return known }
        let made = Handles(
            counter: Counter(label: "http_requests_total", dimensions: [("method", method), ("route", route), ("status", status)], factory: factory),
            timer: Metrics.Timer(label: "http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory)
        )
        kept.withLock { kept in
            if kept.count < Self.capacity { kept[key] = made }
        }
        return made
    }
}
