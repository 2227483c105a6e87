import ArgumentParser
import Taaktoedeling

/// `dossier timeline ID-or-KENMERK [--peildatum]`: the timeline as a table, as a coordinator sees it.
struct DossierTimelineCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Show a dossier's timeline.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Option(help: "The timeline as recorded at this date (end of day, Amsterdam) or date-time.", transform: ArgumentParsing.peildatum)
    var peildatum: Peildatum?

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            let beheerder = Actor(naam: "toedeling-admin", hoedanigheid: .coordinator)
            guard let regels = try await database.service.tijdlijn(id, peildatum: peildatum, voor: beheerder) else {
                throw AdminError.dossierNotFound(dossier.description + (peildatum.map { " at peildatum \($0)" } ?? ""))
            }
            var table = TextTable("Versie", "Geregistreerd op", "Door", "Gebeurtenis", "Omschrijving")
            for regel in regels {
                table.append([String(regel.versie), Tijdweergave.moment(regel.geregistreerdOp), regel.door, regel.type, regel.omschrijving])
            }
            try context.output.write(table.rendered)
        }
    }
}
