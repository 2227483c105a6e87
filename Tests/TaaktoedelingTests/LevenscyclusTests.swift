import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

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

    @Test func faseFollowsTheFurthestMilestone() throws {
        #expect(try Startpunt.geopend.verloop().state?.fase == .voorstel)
        #expect(try Startpunt.rondeOpen.verloop().state?.fase == .consultatie)
        #expect(try Startpunt.rondeGesloten.verloop().state?.fase == .consultatie)
        #expect(try Startpunt.getoetstDecentraal.verloop().state?.fase == .getoetst)
        #expect(try Startpunt.udoLopend.verloop().state?.fase == .udo)
        #expect(try Startpunt.klaarVoorBesluit.verloop().state?.fase == .udoAfgerond)
        #expect(try Startpunt.tweedeRondeOpen.verloop().state?.fase == .udoAfgerond)
        #expect(try Startpunt.besloten.verloop().state?.fase == .besloten)
        #expect(try Startpunt.ingetrokken.verloop().state?.fase == .ingetrokken)
    }

    /// The termijn 2026-03-15 ends at local midnight, 2026-03-15T23:00:00Z (CET).
    @Test(arguments: [(1_773_615_599.0, false), (1_773_615_600.0, true)])
    func reactieAfterTheEndOfTheTermijnDayIsAcceptedAndMarkedLate(_ seconden: Double, _ teLaat: Bool) throws {
        var verloop = try Startpunt.rondeOpen.verloop()
        let moment = Date(timeIntervalSince1970: seconden)
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Bezwaar.", kenmerk: nil), door: Fixtures.vng, op: moment)
        let reactie = try #require(verloop.state?.consultaties.first?.reacties.first)
        #expect(reactie.teLaat == teLaat)
        #expect(reactie.ingediendOp == moment)
        #expect(reactie.geregistreerdDoor == "VNG")
    }

    @Test func aReactieRegisteredNamensRecordsWhoRegisteredIt() throws {
        var verloop = try Startpunt.rondeOpen.verloop()
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: .IPO, standpunt: .instemmend, toelichting: "Per brief.", kenmerk: "IPO/12"), op: Fixtures.dag(4))
        let reactie = try #require(verloop.state?.consultaties.first?.reactie(van: .IPO))
        #expect(reactie.geregistreerdDoor == Fixtures.coordinator.naam)
        #expect(reactie.kenmerk == "IPO/12")
    }

    @Test func roundsAreNumberedInOrder() throws {
        var verloop = try Fixtures.klaarVoorBesluit()
        try verloop.voer(.openConsultatie(koepels: [.UvW, .VNG], termijn: Kalenderdatum("2026-06-01")!), op: Fixtures.dag(52))
        #expect(verloop.state?.consultaties.map(\.ronde) == [1, 2])
        #expect(verloop.state?.consultaties.last?.koepels == [.VNG, .UvW])
    }

    @Test func aDeviatingDecisionIsFlaggedWithTheAdvisedLayer() throws {
        var verloop = try Startpunt.getoetstDecentraal.verloop()
        try verloop.voer(.legBesluitVast(bestuurslaag: .rijk, motivering: "Landelijke uniformiteit weegt zwaarder."), op: Fixtures.dag(30))
        let besluit = try #require(verloop.state?.besluit)
        #expect(besluit.afwijkingVanAdvies)
        #expect(besluit.geadviseerdeBestuurslaag == .provincie)
    }

    @Test func aDeviatingDecisionWithoutMotiveringSaysItDeviates() throws {
        let verloop = try Startpunt.getoetstDecentraal.verloop()
        #expect(throws: DomainError.self) {
            try Beslissing.decide(verloop.state, .legBesluitVast(bestuurslaag: .rijk, motivering: ""), by: Fixtures.coordinator, at: Fixtures.dag(30), kenmerk: nil)
        }
    }

    @Test func reopeningSetsTheDecisionAsideAndAllowsANewOne() throws {
        var verloop = try Startpunt.besloten.verloop()
        try verloop.voer(.heropen(aanleiding: .motie, toelichting: "Motie aangenomen."), op: Fixtures.dag(100))
        var dossier = try #require(verloop.state)
        #expect(dossier.fase == .udoAfgerond)
        #expect(dossier.besluit == nil)
        #expect(dossier.heropeningen.first?.vorigBesluit?.bestuurslaag == .provincie)
        try verloop.voer(.openConsultatie(koepels: [.VNG], termijn: Kalenderdatum("2026-08-01")!), op: Fixtures.dag(101))
        try verloop.voer(.sluitConsultatie(ronde: 2), op: Fixtures.dag(130))
        try verloop.voer(.legBesluitVast(bestuurslaag: .gemeenschappelijkeRegeling, motivering: "Na de motie: samenwerking."), op: Fixtures.dag(131))
        dossier = try #require(verloop.state)
        #expect(dossier.fase == .besloten)
        #expect(dossier.besluit?.afwijkingVanAdvies == true)
    }

    @Test func aWithdrawnDossierAcceptsNothing() throws {
        let verloop = try Startpunt.ingetrokken.verloop()
        let state = try #require(verloop.state)
        let commands: [(DossierCommand, Actor)] = [
            (.wijzigVoorstel(VoorstelWijziging(titel: "X")), Fixtures.coordinator),
            (.sluitConsultatie(ronde: 1), Fixtures.coordinator),
            (.legToetsingVast(taakkenmerken: Fixtures.landelijkVeel, toelichting: nil), Fixtures.coordinator),
            (.koppelKamerstuk(nummer: "1-1", titel: "X", datum: Kalenderdatum("2026-01-01")!), Fixtures.liaison),
            (.heropen(aanleiding: .motie, toelichting: "X"), Fixtures.coordinator),
        ]
        for (command, actor) in commands {
            #expect(throws: DomainError.conflict("Het dossier is ingetrokken (Het wetsvoorstel is van tafel.); er wordt niets meer aanvaard.")) {
                try Beslissing.decide(state, command, by: actor, at: Fixtures.dag(9), kenmerk: nil)
            }
        }
    }

    @Test func openingWithoutAKenmerkIsRefused() {
        #expect(throws: DomainError.ongeldigeInvoer(InvalidInput("kenmerk", "is niet toegekend"))) {
            try Beslissing.decide(nil, .openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), by: Fixtures.coordinator, at: Fixtures.dag(0), kenmerk: nil)
        }
    }

    @Test func evolveIsTotalOnAStreamWithoutOpening() {
        let dossier = Beslissing.evolve(nil, .consultatieGesloten(ConsultatieGesloten(ronde: 3)), version: 1, recordedAt: Fixtures.dag(0))
        #expect(dossier.versie == 1)
        #expect(dossier.consultaties.isEmpty)
    }
}
