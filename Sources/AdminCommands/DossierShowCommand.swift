import ArgumentParser
import Taaktoedeling

/// `dossier show ID-or-KENMERK [--peildatum]`: one dossier with Dutch labels.
struct DossierShowCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a dossier.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Option(help: "Show it as recorded at this date (end of day, Amsterdam) or date-time.", transform: ArgumentParsing.peildatum)
    var peildatum: Peildatum?

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            guard let found = try await database.service.dossier(id, peildatum: peildatum) else {
                throw AdminError.dossierNotFound(dossier.description + (peildatum.map { " at peildatum \($0)" } ?? ""))
            }
            try context.output.write(DossierTekst.volledig(found))
        }
    }
}
