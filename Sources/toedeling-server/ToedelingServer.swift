import ArgumentParser
import Foundation
import Dossiers
import ToedelingAPI
import ToedelingWeb

/// `toedeling-server`: serves the Toedeling HTTP API until SIGTERM or SIGINT.
@main
struct ToedelingServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toedeling-server",
        abstract: "Serves the Toedeling HTTP API.",
        discussion: """
            The database is DATABASE_URL (a libpq connection string or postgresql:// URI), or libpq's PG* \
            variables when it is unset. TOEDELING_CORS_ORIGINS lists browser origins allowed to call the API \
            (comma-separated), TOEDELING_LOG_LEVEL the log level (default info), TOEDELING_POOL_SIZE the \
            number of database connections (default 10). TOEDELING_REPORT_DATABASE_URL, when set, is where reports \
            read (a replica; a report waits for it to replay what the primary had committed, or reads the primary). \
            Every database wait is bounded: \
            TOEDELING_STATEMENT_TIMEOUT (15s), TOEDELING_LOCK_TIMEOUT (3s), TOEDELING_IDLE_TRANSACTION_TIMEOUT \
            (10s), TOEDELING_CONNECT_TIMEOUT (5s), TOEDELING_POOL_TIMEOUT (5s, then 503 with Retry-After). \
            TOEDELING_IDEMPOTENCY_TTL (24h) is how long Idempotency-Key records are kept; \
            TOEDELING_HSTS_MAX_AGE (seconds) sends Strict-Transport-Security, for a server behind TLS. \
            The server refuses to start on a database that is \
            not migrated with `toedeling-admin migrate` or that a newer version migrated.
            """
    )

    private static let environment = ProcessInfo.processInfo.environment

    @Option(help: "The address to listen on (env TOEDELING_HOSTNAME).")
    var hostname: String = environment["TOEDELING_HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"

    @Option(help: "The port to listen on (env TOEDELING_PORT).")
    var port: Int = environment["TOEDELING_PORT"].flatMap(Int.init) ?? 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let value = Self.environment["TOEDELING_PORT"], !value.isEmpty, Int(value) == nil {
            throw ValidationError("TOEDELING_PORT must be a number, not \"\(value)\"")
        }
        if let value = Self.environment["TOEDELING_LOG_LEVEL"], !value.isEmpty, LogLevelName(value) == nil {
            throw ValidationError("TOEDELING_LOG_LEVEL must be trace, debug, info, notice, warning, error or critical")
        }
        if let value = Self.environment["TOEDELING_POOL_SIZE"], !value.isEmpty, (Int(value) ?? 0) < 1 {
            throw ValidationError("TOEDELING_POOL_SIZE must be a positive number")
        }
    }

    func run() async throws {
        MallocArenas.limit(to: 2, environment: Self.environment)
        var settings: ServerSettings
        do {
            let (limits, idempotencyTimeToLive) = try ServerSettings.limits(from: Self.environment)
            let notifications = try NotificationSettings.from(environment: Self.environment, port: port)
            settings = ServerSettings(
                api: APIConfiguration(
                    hostname: hostname,
                    port: port,
                    corsOrigins: APIConfiguration.corsOrigins(fromEnvironmentValue: Self.environment["TOEDELING_CORS_ORIGINS"]),
                    strictTransportSecurity: try APIConfiguration.strictTransportSecurity(
                        fromEnvironmentValue: Self.environment["TOEDELING_HSTS_MAX_AGE"]),
                    web: try APIConfiguration.web(fromEnvironment: Self.environment, publicURL: notifications.instellingen.publiekeURL)
                ),
                databaseURL: Self.environment["DATABASE_URL"] ?? "",
                maximumConnections: Self.environment["TOEDELING_POOL_SIZE"].flatMap(Int.init) ?? 10,
                logLevel: Self.environment["TOEDELING_LOG_LEVEL"].flatMap(LogLevelName.init)?.level ?? .info,
                databaseLimits: limits,
                idempotencyTimeToLive: idempotencyTimeToLive
            )
            let verbindingen = try APIConfiguration.connections(fromEnvironment: Self.environment)
            settings.api.idleTimeout = verbindingen.idleTimeout
            settings.api.maximumHTTPConnections = verbindingen.maximum
            FileDescriptors.raiseLimit(toAtLeast: verbindingen.maximum + 256)
            settings.maximumEventStreams = try ServerSettings.maximumEventStreams(from: Self.environment)
            settings.maximumDocumentBytes = try ServerSettings.maximumDocumentBytes(from: Self.environment)
            settings.zegels = try ServerSettings.zegels(from: Self.environment)
            do {
                settings.selectielijst = try SelectielijstBestand.laad(environment: Self.environment)
            } catch {
                FileHandle.standardError.write(Data("toedeling-server: TOEDELING_SELECTIELIJST: \(error)\n".utf8))
                throw ExitCode(64)
            }
            settings.notifications = notifications
            settings.reportDatabaseURL = Self.environment["TOEDELING_REPORT_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("toedeling-server: \(error)\n".utf8))
            throw ExitCode(64)
        }
        let metrics = ToedelingServerRunner.bootstrap(logLevel: settings.logLevel)
        do {
            try await ToedelingServerRunner.run(settings: settings, metrics: metrics)
        } catch let error as ServerStartupError {
            FileHandle.standardError.write(Data("toedeling-server: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
