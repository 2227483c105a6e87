import Rapportage
import ArgumentParser
import Taaktoedeling

/// `report stand-van-zaken --peildatum DATE [--format json|csv|markdown|html]`: exactly the bytes the
/// API serves for the same peildatum (JSON by default, as the API without `Accept`).
struct StandVanZakenCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "stand-van-zaken",
        abstract: "The stand-van-zaken report as recorded at a peildatum (JSON by default, like the API)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A date (end of that day, Amsterdam) or a date-time with zone.", transform: ArgumentParsing.peildatum)
    var peildatum: Peildatum

    @Option(help: "The rendering.")
    var format: Rapportformaat = .json

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let report = try await database.service.standVanZaken(peildatum: peildatum)
            try context.output.write(report: try format.render(report))
        }
    }
}
