import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct ZichtbaarheidTests {
    @Test func aKoepelNeverInvitedSeesNothing() throws {
        let dossier = try #require(try Startpunt.rondeOpen.verloop().state)
        #expect(dossier.zichtbaar(voor: Fixtures.uvw) == nil)
        #expect(try #require(try Startpunt.geopend.verloop().state).zichtbaar(voor: Fixtures.vng) == nil)
    }

    @Test func aKoepelSeesOnlyItsOwnReactieWhileTheRoundIsOpen() throws {
        var verloop = try Startpunt.gereageerd.verloop()
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Nee.", kenmerk: nil), door: Fixtures.ipo, op: Fixtures.dag(4))
        let dossier = try #require(verloop.state)
        #expect(dossier.zichtbaar(voor: Fixtures.vng)?.consultaties.first?.reacties.map(\.koepel) == [.VNG])
        #expect(dossier.zichtbaar(voor: Fixtures.ipo)?.consultaties.first?.reacties.map(\.koepel) == [.IPO])
        #expect(dossier.zichtbaar(voor: Fixtures.liaison) == dossier)
        #expect(dossier.zichtbaar(voor: Fixtures.coordinator) == dossier)
    }

    @Test func aKoepelSeesEveryReactieOnceTheRoundIsClosed() throws {
        var verloop = try Startpunt.rondeOpen.verloop()
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Nee.", kenmerk: nil), door: Fixtures.ipo, op: Fixtures.dag(4))
        try verloop.voer(.sluitConsultatie(ronde: 1), op: Fixtures.dag(20))
        try verloop.voer(.openConsultatie(koepels: [.VNG, .UvW], termijn: Kalenderdatum("2026-05-01")!), op: Fixtures.dag(21))
        let dossier = try #require(verloop.state)
        #expect(dossier.zichtbaar(voor: Fixtures.vng)?.consultaties.first?.reacties.map(\.koepel) == [.IPO])
        #expect(dossier.zichtbaar(voor: Fixtures.uvw)?.consultaties.first?.reacties.map(\.koepel) == [.IPO])
    }

    @Test func aKoepelActorWithoutKoepelCannotBeMade() throws {
        // The state the visibility rules once had to refuse cannot be represented.
        #expect(Hoedanigheid(rol: .koepel, koepel: nil) == nil)
        #expect(Hoedanigheid.probleem(rol: .koepel, koepel: nil) != nil)
        #expect(Hoedanigheid.probleem(rol: .coordinator, koepel: .VNG) != nil)
        for hoedanigheid in [Hoedanigheid.coordinator, .liaison, .koepel(.VNG), .koepel(.IPO), .koepel(.UvW)] {
            #expect(Hoedanigheid(rol: hoedanigheid.rol, koepel: hoedanigheid.koepel) == hoedanigheid)
            #expect(Hoedanigheid.probleem(rol: hoedanigheid.rol, koepel: hoedanigheid.koepel) == nil)
        }
    }
}
