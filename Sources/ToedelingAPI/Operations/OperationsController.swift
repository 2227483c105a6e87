import Foundation
import Hummingbird
import Logging
import Dossiers
import Prometheus

/// The public operations endpoints: `GET /health` (checks the database, answering within 2 s whatever
/// the pool does) and `GET /metrics` (Prometheus).
struct OperationsController {
    let pool: DatabasePool
    let health: DatabaseHealthProbe
    let metrics: PrometheusCollectorRegistry

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, "/health", use: health)
        routes.on(.get, "/metrics", use: prometheusMetrics)
    }

    @Sendable func health(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard await health.check(within: .seconds(1)) else {
            context.logger.warning("health check: the database did not answer within 1 s")
            throw Problem.unavailable
        }
        return Response(
            status: .ok,
            headers: [.contentType: MediaTypes.json],
            body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#))
        )
    }

    @Sendable func prometheusMetrics(_ request: Request, context: APIRequestContext) async throws -> Response {
        gauge("connections_in_use", "Database connections handed out").set(Double(pool.inUse))
        gauge("waiting", "Callers waiting for a database connection").set(Double(pool.waiting))
        gauge("connections_open", "Open database connections").set(Double(pool.open))
        return Response(
            status: .ok,
            headers: [.contentType: MediaTypes.prometheus],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer()))
        )
    }

    /// A gauge named `toedeling_pool_<name>`.
    private func gauge(_ name: String, _ help: String) -> Gauge {
        metrics.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "toedeling", subsystem: "pool", metricName: name, unitName: "", helpText: help)
        )
    }
}
