import Foundation
import Hummingbird
import Logging
import Metrics
import ToedelingWeb

/// One structured log line and the Prometheus request metrics per request: method, route template,
/// status and duration (never the `Authorization` header).
struct RequestTelemetryMiddleware: RouterMiddleware {
    let registry: RouteRegistry
    let metricsFactory: any MetricsFactory

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        // A page of the web application is labelled by the template its router matched.
        let route = registry.route(endpointPath: context.endpointPath, method: request.method)?.template
            ?? (isWebPad(request.uri.path) ? context.endpointPath.flatMap { $0 == "NotFound" ? nil : "web " + $0 } : nil) ?? "unmatched"
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
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(logbaarPad(request.uri.path)),
                "http.route": .string(route),
                "http.status": .string(status),
                "http.duration_ms": .string(String(format: "%.1f", milliseconds)),
            ]
        )
        return response
    }
}
