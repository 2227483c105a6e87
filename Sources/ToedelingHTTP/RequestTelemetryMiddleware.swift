import Foundation
import Hummingbird
import Logging
import Metrics

/// One structured log line and the Prometheus request metrics per request: method, route template,
/// status and duration (never the `Authorization` header). The router it runs in names the route
/// (`route`) and says how a path may be logged (`loggablePath`: a path can hold a secret).
public struct RequestTelemetryMiddleware<Context: RequestContext>: RouterMiddleware {
    let metricsFactory: any MetricsFactory
    let route: @Sendable (Request, Context) -> String?
    let loggablePath: @Sendable (String) -> String

    /// Records into `metricsFactory`; `route` gives the matched route's label (nil: "unmatched").
    public init(
        metricsFactory: any MetricsFactory,
        route: @escaping @Sendable (Request, Context) -> String?,
        loggablePath: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.metricsFactory = metricsFactory
        self.route = route
        self.loggablePath = loggablePath
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
        Counter(
            label: "http_requests_total",
            dimensions: [("method", request.method.rawValue), ("route", route), ("status", status)],
            factory: metricsFactory
        ).increment()
        Metrics.Timer(
            label: "http_request_duration_seconds",
            dimensions: [("method", request.method.rawValue), ("route", route)],
            factory: metricsFactory
        ).record(duration: elapsed)
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
