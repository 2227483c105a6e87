import Foundation
import Postgres
import Taaktoedeling

extension DossierService {
    /// Records the selectielijst category with this code (`PUT …/archivering`): an unknown code is
    /// invalid input naming the known ones.
    public func legArchiveringVast(code: String, op dossierID: UUID, context: CommandContext) async throws -> CommandOutcome {
        guard let selectielijst else { throw DomainError.conflict("Er is geen selectielijst ingesteld; archiveren kan niet.") }
        guard let categorie = selectielijst.categorie(code) else {
            let bekend = selectielijst.categorieen.map(\.code).joined(separator: ", ")
            throw DomainError.ongeldigeInvoer(InvalidInput(
                "selectielijstcategorie", "onbekende categorie \"\(Tekstregels.onschadelijk(code))\"; de selectielijst kent: \(bekend)"
            ))
        }
        return try await execute(.legArchiveringVast(categorie), on: dossierID, context: context)
    }

    /// The closed dossiers whose archiefactiedatum is `vandaag` or earlier and that are not
    /// transferred yet, oldest action first, with their archive facts.
    public func archiefacties(vandaag: Kalenderdatum) async throws -> [(dossier: Dossier, archief: Archiefgegevens)] {
        let dossiers = try await pool.withConnection { connection in
            try connection.query("SELECT \(DossierProjection.volledigeStaat) AS staat FROM dossiers d WHERE fase IN ('besloten', 'ingetrokken') ORDER BY kenmerk")
                .map { try DossierProjection.decodeState($0.json("staat")) }
        }
        return dossiers.compactMap { dossier -> (dossier: Dossier, archief: Archiefgegevens)? in
            guard let archief = dossier.archiefgegevens, archief.archiefstatus == .gearchiveerd,
                  let datum = archief.archiefactiedatum, datum <= vandaag
            else { return nil }
            return (dossier, archief)
        }.sorted { ($0.archief.archiefactiedatum ?? vandaag) < ($1.archief.archiefactiedatum ?? vandaag) }
    }
}
