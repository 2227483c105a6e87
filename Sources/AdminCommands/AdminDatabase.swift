import EventStore
import Foundation
import Logging
import Postgres
import Dossiers

/// The services a command works with, over one small pool. Libraries log nowhere: the CLI's
/// output is its results and, on failure, exactly one line.
struct AdminDatabase: Sendable {
    let pool: PostgresConnectionPool
    let logger: Logger
    let store: EventStore
    let service: DossierService
    let tokens: TokenStore
    let gebruikers: GebruikerStore

    init(connectionString: String) {
        logger = Logger(label: "toedeling-admin", factory: { _ in SwiftLogNoOpLogHandler() })
        pool = PostgresConnectionPool(connectionString: connectionString, maximumConnections: 2, logger: logger)
        store = EventStore(pool: pool, logger: logger)
        // The selectielijst the operator configured (TOEDELING_SELECTIELIJST), else the shipped one;
        // a command that needs it and finds none says so.
        let selectielijst = (try? SelectielijstBestand.laad(environment: ProcessInfo.processInfo.environment)) ?? SelectielijstBestand.meegeleverd
        service = DossierService(store: store, pool: pool, logger: logger, selectielijst: selectielijst)
        tokens = TokenStore(pool: pool)
        gebruikers = GebruikerStore(pool: pool)
    }

    /// The migrator for the schema directory this program finds.
    func migrator() throws -> SchemaMigrator {
        guard let directory = SchemaMigrator.locateSchemaDirectory() else { throw AdminError.schemaDirectoryNotFound }
        return SchemaMigrator(directory: directory, logger: logger)
    }

    /// Throws what stops this version from working on the database: pending, unknown or changed migrations.
    func requireMigratedSchema() async throws {
        let status = try await migrator().status(pool: pool)
        do {
            try status.requireUpToDate()
        } catch SchemaMigrationError.pendingMigrations(let names) {
            throw AdminError.notMigrated(pending: names)
        }
    }
}
