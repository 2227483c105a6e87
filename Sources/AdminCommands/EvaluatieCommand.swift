import Rapportage
import ArgumentParser
import Taaktoedeling

/// `report evaluatie [--van DATE] [--tot DATE] [--format json|csv|markdown|html]`: the overview for
/// the four-yearly evaluation, exactly the bytes the API serves for the same dates.
struct EvaluatieCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluatie",
        abstract: "The overview for the four-yearly evaluation (JSON by default, like the API)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only dossiers opened on or after this date (YYYY-MM-DD, Amsterdam).", transform: ArgumentParsing.datum)
    var van: Kalenderdatum?

    @Option(help: "As recorded at the end of this date (YYYY-MM-DD, Amsterdam); only dossiers opened by then.", transform: ArgumentParsing.datum)
    var tot: Kalenderdatum?

    @Option(help: "The rendering.")
    var format: Rapportformaat = .json

    func validate() throws {
        if let van, let tot, tot < van { throw ValidationError("--tot lies before --van") }
    }

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let overzicht = try await database.service.evaluatie(van: van, tot: tot)
            try context.output.write(report: try format.render(overzicht))
        }
    }
}
