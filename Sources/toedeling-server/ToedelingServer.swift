import ArgumentParser
import Configuration
import Crypto
import Dossiers
import Foundation
import Hummingbird
import Logging
import Metrics
import Notifications
import Prometheus
import Rapportage
import ServiceLifecycle
import Taaktoedeling
import ToedelingAPI
import ToedelingWeb

/// `toedeling-server`: serves the Toedeling API and web application until SIGTERM or SIGINT.
///
/// How the program is put together, in order: the settings are read once (`ServerConfiguration`);
/// logging and metrics are bootstrapped; the database pool is opened and the schema checked; the
/// application's parts are built over the pool (dossier service, tokens, subscriptions, accounts);
/// the API and the web application are mounted side by side (`buildApplication`); and one
/// `ServiceGroup` runs the pool, the clean-ups, the notification channels, the seal, the HTTP
/// server and the live feed, and shuts them down gracefully.
@main
struct ToedelingServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toedeling-server",
        abstract: "Serves the Toedeling API and web application.",
        discussion: """
            Every setting is an environment variable, or a NAME=value line in the file that --config-file \
            or TOEDELING_CONFIG_FILE names (the environment wins); README.md lists them with their defaults. \
            The database is DATABASE_URL (a libpq connection string or postgresql:// URI), or libpq's PG* \
            variables when it is unset. A wrong setting stops the server with one line naming it (exit 64). \
            The server refuses to start on a database that is not migrated with `toedeling-admin migrate` \
            or that a newer version migrated (exit 2).
            """
    )

    @Option(help: "The address to listen on (else TOEDELING_HOSTNAME, else 127.0.0.1).")
    var hostname: String?

    @Option(help: "The port to listen on (else TOEDELING_PORT, else 8080).")
    var port: Int?

    @Option(name: .customLong("config-file"), help: "A file of NAME=value settings beneath the environment (else TOEDELING_CONFIG_FILE).")
    var configFile: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        MallocArenas.limit(to: 2, environment: environment)
        let configuration: ServerConfiguration
        do {
            let reader = try await ServerConfiguration.reader(environment: environment, file: configFile)
            configuration = try ServerConfiguration(reading: reader, hostname: hostname, port: port)
        } catch let errors as ConfigurationErrors {
            for error in errors.errors { FileHandle.standardError.write(Data("toedeling-server: \(error)\n".utf8)) }
            throw ExitCode(64)
        }
        FileDescriptors.raiseLimit(toAtLeast: configuration.maximumHTTPConnections + 256)
        let metrics = Self.bootstrap(logLevel: configuration.logLevel)
        do {
            try await Self.serve(configuration, metrics: metrics)
        } catch let error as ServerStartupError {
            FileHandle.standardError.write(Data("toedeling-server: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Sets up process-wide logging (JSON lines on stdout) and metrics (Prometheus); once, first.
    static func bootstrap(logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: logLevel) }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// Checks the database, builds every part over it and serves until a shutdown signal.
    static func serve(_ configuration: ServerConfiguration, metrics: PrometheusCollectorRegistry) async throws {
        var logger = Logger(label: "toedeling-server")
        logger.logLevel = configuration.logLevel
        let pool = DatabasePool(
            connectionString: configuration.databaseURL, maximumConnections: configuration.maximumConnections,
            limits: configuration.databaseLimits, logger: logger
        )
        let bestanden: WebResources
        let openAPIDocument: Data
        do {
            guard let document = OpenAPIDocument.read(file: configuration.openAPIFile) else { throw ServerStartupError.openAPIDocumentMissing }
            openAPIDocument = document
            do {
                bestanden = try await WebResources.load(directory: configuration.webDirectory)
            } catch let fout as WebResources.LoadError {
                throw ServerStartupError.webFiles(fout.description)
            }
            try await requireMigratedDatabase(pool: pool, schemaDirectory: configuration.schemaDirectory, logger: logger)
        } catch {
            await pool.close()
            throw error
        }
        // Reports may read a replica; its pool is small (reports are few) and has the same bounds.
        let reportPool = configuration.reportDatabaseURL.map { url in
            DatabasePool(
                connectionString: url, maximumConnections: max(2, configuration.maximumConnections / 4), limits: configuration.databaseLimits,
                logger: logger)
        }

        // The application's parts, over the pool.
        let notificaties = configuration.notifications
        let service = DossierService(
            pool: pool, logger: logger, notifiesOtherInstances: true, selectielijst: configuration.selectielijst, reportReplica: reportPool
        )
        let liveFeed = LiveFeed(store: service.store)
        var api = APIDependencies(
            pool: pool, service: service, tokens: TokenStore(pool: pool, cache: TokenCache()),
            abonnementen: AbonnementStore(pool: pool, instellingen: notificaties.instellingen), liveFeed: liveFeed, metrics: metrics, logger: logger
        )
        api.maximumEventStreams = configuration.maximumEventStreams
        api.maximumDocumentBytes = configuration.maximumDocumentBytes
        api.idempotencyTimeToLiveSeconds = max(1, configuration.idempotencyTimeToLive.components.seconds)
        api.archiefvormer = MDTO.Archiefvormer(oin: notificaties.instellingen.oin)
        api.openAPIDocument = openAPIDocument
        if notificaties.instellingen.oin == OIN.onbekend {
            logger.warning("TOEDELING_OIN is not set: CloudEvents carry the source urn:nld:oin:\(OIN.onbekend):systeem:toedeling")
        }
        let dependencies = ServerDependencies(api: api, bestanden: bestanden)

        // The API and the web application, side by side on one port.
        let application = buildApplication(configuration: configuration, dependencies: dependencies)
        logger.info(
            "toedeling-server starting",
            metadata: ["http.hostname": .string(configuration.hostname), "http.port": .stringConvertible(configuration.port)]
        )

        // Notifications: webhooks always, e-mail and termijn reminders with a relay. Where a feed
        // subscription begins is fixed before the server takes its first command.
        let store = api.service.store
        let webhooks = WebhookChannel.abonnement(store: store, instellingen: notificaties.instellingen, logger: logger)
        let email = notificaties.smtp.map { _ in EmailChannel.abonnement(store: store, instellingen: notificaties.instellingen, logger: logger) }
        for subscription in [webhooks] + (email.map { [$0] } ?? []) {
            do {
                try await subscription.establishStart()
            } catch {
                // Then its first batch fixes it, as it would have anyway.
                logger.warning("feed subscription start not fixed", metadata: ["subscription.name": "\(subscription.name)", "error": "\(error)"])
            }
        }
        var services: [any Service] = [
            webhooks,
            WebhookDelivery(
                pool: pool, instellingen: notificaties.instellingen, beleid: notificaties.beleid, timeout: notificaties.webhookTimeout,
                leaseDuur: notificaties.webhookLease, logger: logger
            ),
            NotificationCleanup(pool: pool, logger: logger),
        ]
        if let smtp = notificaties.smtp, let email {
            services += [
                email,
                EmailDelivery(pool: pool, instelling: smtp, beleid: notificaties.beleid, logger: logger),
                TermijnReminders(pool: pool, instellingen: notificaties.instellingen, logger: logger),
            ]
        }
        // The periodic seal over every chain.
        if let zegels = configuration.zegels, let sleutel = try? Curve25519.Signing.PrivateKey(rawRepresentation: zegels.sleutel) {
            services.append(ZegelService(
                zegelaar: Zegelaar(pool: pool, logger: logger), sleutel: sleutel, interval: zegels.interval, map: zegels.map,
                tsa: zegels.tsa.map { TimestampClient(url: $0) }, logger: logger
            ))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    pool, IdempotencyCleanup(store: api.idempotencyStore, logger: logger), SessionCleanup(pool: pool, logger: logger), api.health,
                ] + (reportPool.map { [$0] } ?? []) + services + [
                    application,
                    // After the server: on shutdown it goes first and ends the open event streams.
                    liveFeed,
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    /// Throws a `ServerStartupError` unless every migration of this version is applied and no other is.
    static func requireMigratedDatabase(pool: DatabasePool, schemaDirectory: String? = nil, logger: Logger) async throws {
        switch try await DatabaseReadiness.check(pool: pool, schemaDirectory: schemaDirectory, logger: logger) {
        case .ready: return
        case .schemaDirectoryMissing: throw ServerStartupError.schemaDirectoryMissing
        case .unreachable(let reason): throw ServerStartupError.databaseUnreachable(reason)
        case .changed(let files): throw ServerStartupError.migrationChanged(files: files)
        case .newer(let unknown): throw ServerStartupError.databaseNewer(unknown: unknown)
        case .notMigrated(let pending): throw ServerStartupError.databaseNotMigrated(pending: pending)
        }
    }
}
