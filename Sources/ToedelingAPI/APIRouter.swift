import Hummingbird
import Logging
import Prometheus
import ToedelingHTTP

/// The paths the API serves: `/v1…`, `/health…` and `/metrics…` (a near miss such as `/health/` is
/// the API's too, answered with problem+json). The server mounts the API for these and the web
/// application beside it for every other path.
public enum APIPaths {
    /// The prefixes the API claims.
    public static let prefixes = ["/v1", "/health", "/metrics"]

    /// Whether `path` is the API's.
    @Sendable public static func claims(_ path: String) -> Bool {
        prefixes.contains { path.hasPrefix($0) }
    }
}

/// Builds the API's router with every route and middleware; `routes` records what is registered (a
/// test compares it with the OpenAPI document).
public func buildRouter(
    configuration: APIConfiguration,
    dependencies: APIDependencies,
    routes registry: RouteRegistry = RouteRegistry()
) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self, options: [.autoGenerateHeadEndpoints])
    let metricsFactory = PrometheusMetricsFactory(registry: dependencies.metrics)
    router.addMiddleware {
        RequestIDMiddleware<APIRequestContext>()
        RequestTelemetryMiddleware<APIRequestContext>(
            metricsFactory: metricsFactory,
            route: { request, context in registry.route(endpointPath: context.endpointPath, method: request.method)?.template }
        )
        // Every answer is data: nothing may frame it (a document keeps its own sandbox too).
        SecurityHeadersMiddleware<APIRequestContext>(
            contentSecurityPolicy: "frame-ancestors 'none'", strictTransportSecurity: configuration.strictTransportSecurity)
        APIHeadersMiddleware()
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
    OpenAPIController(document: dependencies.openAPIDocument.map { ByteBuffer(bytes: $0) }).addRoutes(to: routes)
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
