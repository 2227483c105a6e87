import Crypto
import Foundation
import Hummingbird
import Logging
import Rapportage
import Metrics
import Dossiers
import Prometheus
import ServiceLifecycle
import Notifications

/// Runs the HTTP server the way `toedeling-server` does: logs to stdout, Prometheus metrics, a database
/// pool with bounded waits, a refusal to start on an unmigrated or newer database, and one
/// `ServiceGroup` (pool, idempotency clean-up, health probe, HTTP server) that shuts down gracefully
/// on SIGTERM and SIGINT.
public enum ToedelingServerRunner {
    /// Sets up process-wide logging (JSON lines on stdout) and metrics; call once, first.
    public static func bootstrap(logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: logLevel) }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// Checks the database and serves until a shutdown signal.
    public static func run(settings: ServerSettings, metrics: PrometheusCollectorRegistry) async throws {
        var logger = Logger(label: "toedeling-server")
        logger.logLevel = settings.logLevel
        let pool = DatabasePool(
            connectionString: settings.databaseURL,
            maximumConnections: settings.maximumConnections,
            limits: settings.databaseLimits,
            logger: logger
        )
        do {
            guard OpenAPIDocument.bytes != nil else { throw ServerStartupError.openAPIDocumentMissing }
            try await requireMigratedDatabase(pool: pool, logger: logger)
        } catch {
            await pool.close()
            throw error
        }
        // Reports may read a replica; its pool is small (reports are few) and has the same bounds.
        let reportPool = settings.reportDatabaseURL.map { url in
            DatabasePool(connectionString: url, maximumConnections: max(2, settings.maximumConnections / 4), limits: settings.databaseLimits, logger: logger)
        }
        var dependencies = APIDependencies(
            pool: pool, metrics: metrics, logger: logger, notifiesOtherInstances: true, selectielijst: settings.selectielijst,
            reportReplica: reportPool
        )
        dependencies.maximumEventStreams = settings.maximumEventStreams
        dependencies.maximumDocumentBytes = settings.maximumDocumentBytes
        dependencies.idempotencyTimeToLiveSeconds = max(1, settings.idempotencyTimeToLive.components.seconds)
        let notificaties = settings.notifications
        dependencies.abonnementen = AbonnementStore(pool: pool, instellingen: notificaties.instellingen)
        dependencies.archiefvormer = MDTO.Archiefvormer(oin: notificaties.instellingen.oin)
        if notificaties.instellingen.oin == NotificatieInstellingen.onbekendeOIN {
            logger.warning("TOEDELING_OIN is not set: CloudEvents carry the source urn:nld:oin:\(NotificatieInstellingen.onbekendeOIN):systeem:toedeling")
        }
        let application = try await buildApplication(configuration: settings.api, dependencies: dependencies)
        logger.info(
            "toedeling-server starting",
            metadata: ["http.hostname": .string(settings.api.hostname), "http.port": .stringConvertible(settings.api.port)]
        )
        let store = dependencies.service.store
        var kanalen: [any Service] = [
            WebhookKanaal.abonnement(store: store, instellingen: notificaties.instellingen, logger: logger),
            WebhookBezorging(
                pool: pool, instellingen: notificaties.instellingen, beleid: notificaties.beleid, timeout: notificaties.webhookTimeout,
                leaseDuur: notificaties.webhookLease, logger: logger
            ),
            NotificatieOpruiming(pool: pool, logger: logger),
        ]
        if let smtp = notificaties.smtp {
            kanalen += [
                EmailKanaal.abonnement(store: store, instellingen: notificaties.instellingen, logger: logger),
                EmailBezorging(pool: pool, instelling: smtp, beleid: notificaties.beleid, logger: logger),
                Termijnbewaking(pool: pool, instellingen: notificaties.instellingen, logger: logger),
            ]
        }
        if let zegels = settings.zegels, let sleutel = try? Curve25519.Signing.PrivateKey(rawRepresentation: zegels.sleutel) {
            kanalen.append(ZegelService(
                zegelaar: Zegelaar(pool: pool, logger: logger), sleutel: sleutel, interval: zegels.interval, map: zegels.map,
                tsa: zegels.tsa.map { Tijdstempelaar(url: $0) }, logger: logger
            ))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    pool, IdempotencyCleanup(store: dependencies.idempotencyStore, logger: logger), WebOpruiming(pool: pool, logger: logger),
                    dependencies.health,
                ] + (reportPool.map { [$0] } ?? []) + kanalen + [
                    application,
                    // After the server: on shutdown it goes first and ends the open event streams.
                    dependencies.liveFeed,
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    /// Throws a `ServerStartupError` unless every migration of this version is applied and no other is.
    public static func requireMigratedDatabase(pool: DatabasePool, logger: Logger) async throws {
        switch try await DatabaseReadiness.check(pool: pool, logger: logger) {
        case .ready: return
        case .schemaDirectoryMissing: throw ServerStartupError.schemaDirectoryMissing
        case .unreachable(let reason): throw ServerStartupError.databaseUnreachable(reason)
        case .changed(let files): throw ServerStartupError.migrationChanged(files: files)
        case .newer(let unknown): throw ServerStartupError.databaseNewer(unknown: unknown)
        case .notMigrated(let pending): throw ServerStartupError.databaseNotMigrated(pending: pending)
        }
    }
}

extension ToedelingServerRunner {
    /// The log levels, for executables that do not import Logging themselves.
    public typealias LogLevel = Logger.Level
}
