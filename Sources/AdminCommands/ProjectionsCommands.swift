import ArgumentParser

/// `projections rebuild`: the read models, rebuilt from the events.
struct ProjectionsCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Maintain the read models.",
        subcommands: [ProjectionsRebuildCommand.self]
    )
}
