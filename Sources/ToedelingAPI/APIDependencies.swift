import Dossiers
import Foundation
import Logging
import Prometheus
import Rapportage
import Taaktoedeling

/// What the HTTP layer is given to work with. The pool is not run here: whoever owns it runs it as a
/// `Service` (the server puts it in its `ServiceGroup`) and closes it.
public struct APIDependencies: Sendable {
    /// The database pool (health checks, tokens, idempotency records).
    public var pool: DatabasePool
    /// The application service for dossier commands and queries.
    public var service: DossierService
    /// Bearer tokens.
    public var tokens: TokenStore
    /// Webhook subscriptions (the notifications module's, given by the server).
    public var abonnementen: any AbonnementRegister
    /// The feed followed live by `GET /v1/gebeurtenissen/stroom` (the notifications module's, given
    /// by the server, which runs it as a service after the HTTP server).
    public var liveFeed: any LiveEventFeed
    /// How many Server-Sent Event streams this instance serves at once (`TOEDELING_SSE_MAX_STREAMS`).
    public var maximumEventStreams: Int = 100
    /// The largest document accepted, in bytes (`TOEDELING_DOCUMENT_MAX_BYTES`).
    public var maximumDocumentBytes: Int64 = DocumentUpload.standaardMaximum
    /// Who made the records, for the e-Depot package (the OIN of `TOEDELING_OIN`).
    public var archiefvormer = MDTO.Archiefvormer(oin: OIN.onbekend)
    /// The OpenAPI document served at `/v1/openapi.json` (`TOEDELING_OPENAPI_FILE`, else the shipped one).
    public var openAPIDocument: Data? = OpenAPIDocument.shipped
    /// How often an idle event stream sends a comment, so proxies keep it open.
    public var eventStreamHeartbeat: Duration = .seconds(15)
    /// The streams open now (for the bound).
    let openEventStreams = EventStreamCount()
    /// The clock of archive and destruction decisions (tests inject one).
    public var nu: @Sendable () -> Date = { Date() }
    /// The registry `/metrics` emits; request and pool metrics are recorded into it.
    public var metrics: PrometheusCollectorRegistry
    /// The logger requests log to.
    public var logger: Logger
    /// The health probe `/health` asks (run it as a `Service` beside the pool).
    public var health: DatabaseHealthProbe
    /// How long a request with a busy `Idempotency-Key` waits for the first one before 409.
    public var idempotencyWaitLimit: Duration
    /// How long an idempotency record is kept (`TOEDELING_IDEMPOTENCY_TTL`), in seconds.
    public var idempotencyTimeToLiveSeconds: Int64 = 86_400

    /// The idempotency records over the pool, with their time to live.
    public var idempotencyStore: IdempotencyStore {
        IdempotencyStore(pool: pool, timeToLiveSeconds: idempotencyTimeToLiveSeconds)
    }

    /// Creates the dependencies from their parts.
    public init(
        pool: DatabasePool,
        service: DossierService,
        tokens: TokenStore,
        abonnementen: any AbonnementRegister,
        liveFeed: any LiveEventFeed,
        metrics: PrometheusCollectorRegistry,
        logger: Logger,
        idempotencyWaitLimit: Duration = .seconds(10)
    ) {
        self.pool = pool
        self.service = service
        self.tokens = tokens
        self.abonnementen = abonnementen
        self.liveFeed = liveFeed
        self.metrics = metrics
        self.logger = logger
        self.idempotencyWaitLimit = idempotencyWaitLimit
        self.health = DatabaseHealthProbe(pool: pool)
    }

    /// Creates the dependencies over one pool: its event store, dossier service and token store
    /// (with a `TokenCache`: a token revoked elsewhere stops working within a second);
    /// reports read `reportReplica` when given (see `ReportReader`); `clock`, when given, is the moment commands are decided and recorded at (tests), else the
    /// database's clock; `liveFeed` makes the live feed over the service's store.
    public init(
        pool: DatabasePool, abonnementen: any AbonnementRegister, liveFeed: (DossierService) -> any LiveEventFeed,
        metrics: PrometheusCollectorRegistry, logger: Logger,
        clock: (@Sendable () -> Date)? = nil,
        notifiesOtherInstances: Bool = false, selectielijst: Selectielijst? = SelectielijstBestand.meegeleverd,
        reportReplica: DatabasePool? = nil
    ) {
        let service = DossierService(
            pool: pool, logger: logger, clock: clock, notifiesOtherInstances: notifiesOtherInstances, selectielijst: selectielijst,
            reportReplica: reportReplica
        )
        self.init(
            pool: pool,
            service: service,
            tokens: TokenStore(pool: pool, cache: TokenCache()),
            abonnementen: abonnementen,
            liveFeed: liveFeed(service),
            metrics: metrics,
            logger: logger
        )
    }
}
