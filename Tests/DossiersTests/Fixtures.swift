import Foundation
import Dossiers
import Taaktoedeling

let coordinator = Actor(tokenID: UUID(), naam: "Coördinator BZK", rol: .coordinator)
let liaison = Actor(tokenID: UUID(), naam: "Liaison TK", rol: .liaison)

func koepel(_ koepel: Koepel) -> Actor {
    Actor(tokenID: UUID(), naam: koepel.rawValue, rol: .koepel, koepel: koepel)
}

func context(_ actor: Actor = coordinator, expectedVersion: Int64? = nil) -> CommandContext {
    CommandContext(actor: actor, correlationID: "test-\(UUID().uuidString.prefix(8))", expectedVersion: expectedVersion)
}

func voorstel(_ titel: String = "Toezicht op kinderopvang") -> Voorstel {
    Voorstel(titel: titel, omschrijving: "Een nieuwe wettelijke taak.", vakdepartement: "SZW", soort: .taak, nieuweTaak: true)
}

/// Opens a dossier through the service and returns it.
func openDossier(_ service: DossierService, titel: String = "Toezicht op kinderopvang") async throws -> Dossier {
    try await service.open(.openen(id: UUID(), voorstel: voorstel(titel)), context: context()).dossier
}

let termijn = Kalenderdatum("2030-12-31")!

let lokaleTaak = Taakkenmerken(
    schaal: .lokaal, beleidsvrijheid: .veel, sturingVakdepartement: false, waterbeheer: false,
    specifiekBeleidsterrein: false, samenwerking: .geen, congruenteRegioIndeling: nil
)
