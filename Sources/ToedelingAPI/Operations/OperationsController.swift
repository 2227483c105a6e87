import Dossiers
import Foundation
import Hummingbird
import Logging
import Prometheus

/// The public operations endpoints: `GET /health` (checks the database, answering within 2 s whatever
/// the pool does) and `GET /metrics` (Prometheus).
struct OperationsController {
    let pool: DatabasePool
    let health: DatabaseHealthProbe
    let metrics: PrometheusCollectorRegistry
    let abonnementen: any AbonnementRegister

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
        // Every subscription's delivery state, as stored: the same on every instance.
        if let lijst = try? await abonnementen.list() {
            for abonnement in lijst {
                let labels = [("abonnement", abonnement.id.uuidString.lowercased())]
                func webhookGauge(_ name: String, _ unit: String? = nil) -> Gauge {
                    metrics.makeGauge(
                        descriptor: MetricNameDescriptor(namespace: "toedeling", subsystem: "webhook", metricName: name, unitName: unit ?? "", helpText: ""),
                        labels: labels
                    )
                }
                webhookGauge("mislukkingen").set(Double(abonnement.mislukkingen))
                webhookGauge("wachtend").set(Double(abonnement.wachtend))
                webhookGauge("doodgelegd").set(Double(abonnement.doodgelegd))
                webhookGauge("laatste_succes", "seconds").set(abonnement.laatsteSucces?.timeIntervalSince1970 ?? 0)
                webhookGauge("volgende_poging", "seconds").set(abonnement.volgendePoging?.timeIntervalSince1970 ?? 0)
            }
        }
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
