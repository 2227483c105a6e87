import ArgumentParser
import Dossiers
import Taaktoedeling

/// `dossier list [--fase] [--vakdepartement]`: the current dossiers in kenmerk order.
struct DossierListCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the current dossiers by kenmerk.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only dossiers in this fase.")
    var fase: Fase?

    @Option(help: "Only dossiers of this ministry (exact name).")
    var vakdepartement: String?

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            var table = TextTable("Kenmerk", "Fase", "Vakdepartement", "Versie", "Bijgewerkt op", "Id", "Titel")
            var query = DossierQuery(fase: fase, vakdepartement: vakdepartement, page: 1, pageSize: 200)
            while true {
                let page = try await database.service.dossiers(query)
                for dossier in page.items {
                    table.append([
                        dossier.kenmerk.description, dossier.fase.weergave, dossier.vakdepartement, String(dossier.versie),
                        Tijdweergave.moment(dossier.bijgewerktOp), dossier.id.uuidString.lowercased(), dossier.titel,
                    ])
                }
                guard page.items.count == query.pageSize else { break }
                query.page += 1
            }
            try context.output.write(table.rows.isEmpty ? "Geen dossiers.\n" : table.rendered)
        }
    }
}
