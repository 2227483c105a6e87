import ArgumentParser
import Foundation
import Logging
import Postgres

/// The option every command that talks to PostgreSQL shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "A libpq connection string or postgresql:// URI.",
            discussion: "Defaults to $DATABASE_URL; without either, libpq's PG* variables and ~/.pgpass apply, as in psql."
        )
    )
    var databaseURL: String?

    /// The connection string: the option, else `DATABASE_URL`, else empty (libpq's defaults).
    func connectionString(in context: AdminContext) -> String {
        databaseURL ?? context.environment["DATABASE_URL"] ?? ""
    }

    /// Opens a small pool, checks (unless `requiringMigratedSchema` is false) that the database is
    /// migrated to this version's schema, runs `body` and closes the pool again.
    func withDatabase<T: Sendable>(
        in context: AdminContext, requiringMigratedSchema: Bool = true, _ body: (AdminDatabase) async throws -> T
    ) async throws -> T {
        let database = AdminDatabase(connectionString: connectionString(in: context))
        do {
            if requiringMigratedSchema { try await database.requireMigratedSchema() }
            let value = try await body(database)
            await database.pool.close()
            return value
        } catch {
            await database.pool.close()
            throw error
        }
    }
}
