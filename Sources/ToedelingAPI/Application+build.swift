import Hummingbird
import HummingbirdCore
import Logging
import Prometheus
import ToedelingWeb

/// Builds the HTTP application: the router with every route and middleware, bound to the configured
/// address. The database pool in `dependencies` is not among its services: run it beside the
/// application (the server does, in one `ServiceGroup`).
public func buildApplication(
    configuration: APIConfiguration,
    dependencies: APIDependencies
) async throws -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, dependencies: dependencies),
        // A connection that sends no complete request head within the idle timeout (slowloris) or
        // stays idle that long between requests is closed; beyond the connection limit the server
        // stops accepting until one closes.
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
            + configuration.idleTimeout.components.attoseconds / 1_000_000_000))),
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: nil, backlog: 1024,
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumHTTPConnections, logger: dependencies.logger)
        ),
        logger: dependencies.logger
    )
}

/// Builds the router with every route and middleware; `routes` records what is registered (a test
/// compares it with the OpenAPI document).
public func buildRouter(
    configuration: APIConfiguration,
    dependencies: APIDependencies,
    routes registry: RouteRegistry = RouteRegistry()
) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    let metricsFactory = PrometheusMetricsFactory(registry: dependencies.metrics)
    router.addMiddleware {
        RequestIDMiddleware()
        RequestTelemetryMiddleware(registry: registry, metricsFactory: metricsFactory)
        WebDispatchMiddleware(
            web: buildWebRouter(configuratie: configuration.web, afhankelijkheden: dependencies.web).buildResponder()
        )
        StandardHeadersMiddleware(strictTransportSecurity: configuration.strictTransportSecurity)
        CORSPolicyMiddleware(allowedOrigins: Set(configuration.corsOrigins))
        ProblemMiddleware(metricsFactory: metricsFactory)
        RouteGuardMiddleware(registry: registry)
        AuthenticationMiddleware(tokens: dependencies.tokens)
        JSONBodyMiddleware(registry: registry)
        IdempotencyMiddleware(
            registry: registry,
            store: dependencies.idempotencyStore,
            waitLimit: dependencies.idempotencyWaitLimit
        )
    }
    let routes = APIRoutes(router: router, registry: registry)
    OperationsController(
        pool: dependencies.pool, health: dependencies.health, metrics: dependencies.metrics, abonnementen: dependencies.abonnementen
    ).addRoutes(to: routes)
    OpenAPIController().addRoutes(to: routes)
    DossierController(service: dependencies.service).addRoutes(to: routes)
    DocumentController(service: dependencies.service, maximumBytes: dependencies.maximumDocumentBytes).addRoutes(to: routes)
    ArchiefController(service: dependencies.service, archiefvormer: dependencies.archiefvormer, nu: dependencies.nu).addRoutes(to: routes)
    VernietigingController(service: dependencies.service, nu: dependencies.nu).addRoutes(to: routes)
    AfwegingskaderController().addRoutes(to: routes)
    ReportController(service: dependencies.service).addRoutes(to: routes)
    FeedController(service: dependencies.service).addRoutes(to: routes)
    AbonnementController(abonnementen: dependencies.abonnementen).addRoutes(to: routes)
    EventStreamController(
        service: dependencies.service, liveFeed: dependencies.liveFeed, heartbeat: dependencies.eventStreamHeartbeat,
        maximum: dependencies.maximumEventStreams, open: dependencies.openEventStreams
    ).addRoutes(to: routes)
    return router
}
