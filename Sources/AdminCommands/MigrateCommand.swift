import ArgumentParser

/// `migrate`: applies the pending `schema/*.sql` files in order, once each.
struct MigrateCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending schema migrations in order, each once.",
        discussion: "The migrations are found in $TOEDELING_SCHEMA_DIR, the installed share/toedeling/schema, or ./schema."
    )

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context, requiringMigratedSchema: false) { database in
            let migrator = try database.migrator()
            let applied = try await migrator.migrate(pool: database.pool)
            for name in applied { try context.output.line("applied \(name)") }
            if applied.isEmpty {
                let status = try await migrator.status(pool: database.pool)
                try context.output.line("nothing to apply: the database is up to date (\(status.applied.count) migrations)")
            }
        }
    }
}
