import ArgumentParser

/// `report stand-van-zaken` and `report evaluatie`: the reports of the API, from the command line.
struct ReportCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produce reports.",
        subcommands: [StandVanZakenCommand.self, EvaluatieCommand.self]
    )
}
