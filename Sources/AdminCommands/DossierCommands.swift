import ArgumentParser

/// `dossier list|show|timeline`: the dossiers as readable tables.
struct DossierCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "List dossiers, show one, or show its timeline.",
        subcommands: [DossierListCommand.self, DossierShowCommand.self, DossierTimelineCommand.self]
    )
}
