import Dossiers
import Hummingbird
import HummingbirdCore
import Logging
import Notifications
import Prometheus
import ToedelingAPI
import ToedelingHTTP
import ToedelingWeb

/// What the application is built from: the API's dependencies and the web application's parts
/// over the same service and pool.
struct ServerDependencies: Sendable {
    var api: APIDependencies
    /// The web application's accounts.
    var gebruikers: GebruikerStore
    /// The web application's session rows.
    var sessies: SessionStore
    /// The web application's templates and style sheet, read at start.
    var bestanden: WebResources

    /// Everything over one pool; `gebruikers` defaults to accounts at the production bcrypt cost.
    init(api: APIDependencies, bestanden: WebResources, gebruikers: GebruikerStore? = nil) {
        self.api = api
        self.bestanden = bestanden
        self.gebruikers = gebruikers ?? GebruikerStore(pool: api.pool)
        self.sessies = SessionStore(pool: api.pool)
    }

    /// What the web application works with: the API's service, clock and document limit.
    var web: WebDependencies {
        WebDependencies(
            service: api.service, gebruikers: gebruikers, sessies: sessies, nu: api.nu, maximumDocumentBytes: api.maximumDocumentBytes)
    }
}

/// The HTTP application: the API for the paths it claims (`/v1`, `/health`, `/metrics`) and the web
/// application beside it for every other path, on one port, with the connection bounds. The pool
/// and the other services are not among its services: the server runs them beside it in one
/// `ServiceGroup`.
func buildApplication(configuration: ServerConfiguration, dependencies: ServerDependencies) -> some ApplicationProtocol {
    let metricsFactory = PrometheusMetricsFactory(registry: dependencies.api.metrics)
    var web = configuration.web
    web.andermansPaden = APIPaths.prefixes
    web.strictTransportSecurity = configuration.api.strictTransportSecurity
    let responder = SideBySideResponder(
        buildRouter(configuration: configuration.api, dependencies: dependencies.api).buildResponder(),
        claims: APIPaths.claims,
        otherwise: buildWebRouter(
            configuratie: web, afhankelijkheden: dependencies.web, bestanden: dependencies.bestanden, metricsFactory: metricsFactory
        ).buildResponder()
    )
    let idle = configuration.idleTimeout.components
    return Application(
        responder: responder,
        // A connection that sends no complete request head within the idle timeout (slowloris) or
        // stays idle that long between requests is closed; beyond the connection limit the server
        // stops accepting until one closes.
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: nil, backlog: 1024,
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumHTTPConnections, logger: dependencies.api.logger)
        ),
        logger: dependencies.api.logger
    )
}
