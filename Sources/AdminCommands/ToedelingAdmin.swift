import ArgumentParser

/// `toedeling-admin`: migrations, tokens, dossiers, reports, projections, integrity, export and import.
public struct ToedelingAdmin: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "toedeling-admin",
        abstract: "Administers a Toedeling database.",
        discussion: "The database is $DATABASE_URL (or --database-url); libpq's PG* variables and ~/.pgpass work as in psql.",
        subcommands: [
            MigrateCommand.self, TokenCommands.self, GebruikerCommands.self, DossierCommands.self, ReportCommands.self,
            ProjectionsCommands.self, VerifyCommand.self, ExportCommand.self, ImportCommand.self, AbonnementCommands.self,
            DocumentCommands.self, ArchiefCommands.self, VernietigingCommands.self, ZegelCommands.self,
        ]
    )

    /// ArgumentParser's initialiser.
    public init() {}
}
