import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct TijdlijnTests {
    @Test func aReactieIsToldAsInTheProduct() {
        let zin = Tijdlijn.zin(.reactieIngediend(ReactieIngediend(ronde: 1, koepel: .VNG, standpunt: .instemmendMetKanttekeningen, toelichting: "x", kenmerk: nil, teLaat: false, geregistreerdDoor: "VNG")), nil)
        #expect(zin == "VNG heeft een bestuurlijke reactie ingediend (instemmend met kanttekeningen).")
    }

    @Test func theTimelineOfADecidedDossierTellsEveryEvent() throws {
        let verloop = try Startpunt.besloten.verloop()
        let regels = Tijdlijn.regels(verloop.events.map { ($0.0, $0.version, $0.recordedAt, "Coördinator BZK") })
        #expect(regels.map(\.versie) == Array(1...10))
        #expect(regels.map(\.omschrijving) == [
            "Dossier TT-2026-0001 „Wet regionale energiestrategie” is geopend (nieuwe taak) op voorstel van EZK.",
            "Consultatieronde 1 is geopend voor VNG en IPO, met een termijn tot en met 15 maart 2026.",
            "VNG heeft een bestuurlijke reactie ingediend (instemmend).",
            "IPO heeft een bestuurlijke reactie ingediend (instemmend met kanttekeningen).",
            "Consultatieronde 1 is gesloten. 2 van de 2 uitgenodigde koepels hebben gereageerd.",
            "De toetsing aan het afwegingskader is vastgelegd; advies: provincie (R2, R9). Een UDO is vereist.",
            "Een uitvoerbaarheidstoets decentrale overheden (UDO) is aangevraagd.",
            "De UDO is afgerond: uitvoerbaar met voorwaarden.",
            "De financiële gevolgen zijn vastgelegd: structureel € 1.200.000 per jaar, incidenteel € 300.000.",
            "Besloten: de taak wordt belegd bij de provincie.",
        ])
        #expect(regels[2].type == "ReactieIngediend")
        #expect(regels[2].geregistreerdOp == Fixtures.dag(2))
    }

    @Test func lateReactiesDeviationsAndReopeningsAreToldSo() {
        #expect(Tijdlijn.zin(.reactieIngediend(ReactieIngediend(ronde: 2, koepel: .UvW, standpunt: .bezwaar, toelichting: "x", kenmerk: nil, teLaat: true, geregistreerdDoor: "c")), nil)
                == "UvW heeft een bestuurlijke reactie ingediend (bezwaar). De reactie kwam na de termijn binnen.")
        #expect(Tijdlijn.zin(.besluitVastgelegd(BesluitVastgelegd(bestuurslaag: .rijk, motivering: "m", afwijkingVanAdvies: true, geadviseerdeBestuurslaag: .gemeente)), nil)
                == "Besloten: de taak wordt belegd bij het Rijk. Dit wijkt af van het advies (gemeente).")
        #expect(Tijdlijn.zin(.dossierHeropend(DossierHeropend(aanleiding: .politiekeAfspraak, toelichting: "t")), nil)
                == "Het dossier is heropend (aanleiding: politieke afspraak).")
        #expect(Tijdlijn.zin(.voorstelGewijzigd(VoorstelGewijzigd(wijziging: VoorstelWijziging(titel: "a", soort: .taak))), nil)
                == "Het voorstel is gewijzigd (titel, soort).")
    }

    @Test func amountsUseDutchGrouping() {
        #expect(Tijdlijn.bedrag(0) == "€ 0")
        #expect(Tijdlijn.bedrag(999) == "€ 999")
        #expect(Tijdlijn.bedrag(1000) == "€ 1.000")
        #expect(Tijdlijn.bedrag(-1_234_567) == "-€ 1.234.567")
    }
}
