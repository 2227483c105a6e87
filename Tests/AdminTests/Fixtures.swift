import Foundation
import Dossiers
import Taaktoedeling
import ToedelingTestSupport

/// A few dossiers in different fasen, with text that JSON must escape and amounts, so an export
/// has something to get wrong: one open, one in consultation with a reactie, one decided, one withdrawn.
@discardableResult
func populate(_ service: DossierService) async throws -> [Dossier] {
    let open = try await openDossier(service, titel: "Registratie \"huisdieren\" — gemeente\\dorp", vakdepartement: "LNV")
    let consultatie = try await openDossier(service, titel: "Toezicht op kinderopvang")
    _ = try await service.execute(.openConsultatie(koepels: [.VNG, .IPO], termijn: Kalenderdatum("2030-12-31")!), on: consultatie.id, context: context())
    _ = try await service.execute(
        .dienReactieIn(ronde: 1, koepel: .VNG, standpunt: .instemmendMetKanttekeningen, toelichting: "Ja, mits € 1,5 mln.\tTab.", kenmerk: "VNG/2026/7"),
        on: consultatie.id, context: context()
    )
    let besloten = try await openDossier(service, titel: "Waterkeringen", vakdepartement: "IenW")
    _ = try await service.execute(.legToetsingVast(taakkenmerken: lokaleTaak, toelichting: "Lokaal maatwerk."), on: besloten.id, context: context())
    _ = try await service.execute(.vraagUdoAan(toelichting: "Graag binnen acht weken.", termijn: nil), on: besloten.id, context: context())
    _ = try await service.execute(
        .legUdoUitkomstVast(uitkomst: .uitvoerbaarMetVoorwaarden, samenvatting: "Uitvoerbaar met 0,5 fte extra.", vindplaats: nil),
        on: besloten.id, context: context()
    )
    _ = try await service.execute(
        .legFinancieleGevolgenVast(structureleKosten: 1_200_000, incidenteleKosten: 350_000, dekking: "Gemeentefonds", toelichting: "Art. 2 Fvw."),
        on: besloten.id, context: context()
    )
    _ = try await service.execute(.legBesluitVast(bestuurslaag: .gemeente, motivering: "Dicht bij de burger."), on: besloten.id, context: context())
    _ = try await service.execute(
        .koppelKamerstuk(nummer: "33047-43", titel: "Kamerbrief taaktoedeling", datum: Kalenderdatum("2026-02-01")!), on: besloten.id, context: context()
    )
    let ingetrokken = try await openDossier(service, titel: "Ingetrokken voorstel", vakdepartement: "BZK")
    _ = try await service.execute(.trekIn(reden: "Opgegaan in een ander voorstel."), on: ingetrokken.id, context: context())
    var dossiers: [Dossier] = []
    for id in [open.id, consultatie.id, besloten.id, ingetrokken.id] {
        if let dossier = try await service.dossier(id) { dossiers.append(dossier) }
    }
    return dossiers
}
