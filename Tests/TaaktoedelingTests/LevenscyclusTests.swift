import Foundation
import Testing
@testable import Taaktoedeling

@Suite struct LevenscyclusTests {
    @Test func aDossierRunsFromVoorstelToBesloten() throws {
        var verloop = try Fixtures.geopend()
        #expect(verloop.state?.fase == .voorstel)
        #expect(verloop.state?.kenmerk.description == "TT-2026-0001")
        verloop = try Fixtures.klaarVoorBesluit()
        #expect(verloop.state?.fase == .udoAfgerond)
        try verloop.voer(.legBesluitVast(bestuurslaag: .provincie, motivering: "Volgt het advies."), op: Fixtures.dag(60))
        let dossier = try #require(verloop.state)
        #expect(dossier.fase == .besloten)
        #expect(dossier.besluit?.afwijkingVanAdvies == false)
        #expect(dossier.versie == 10)
        #expect(Dossier.fold(verloop.events) == dossier)
    }
}
