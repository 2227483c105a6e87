import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

/// Every transition of the lifecycle, allowed and refused, with the refusal reason.
@Suite struct OvergangTests {
    enum Verwachting: Sendable {
        case aanvaard(String)
        case geweigerd(DomainError)
        case ongeldig([String])
    }

    struct Overgang: CustomTestStringConvertible, Sendable {
        let naam: String
        let start: Startpunt
        let command: DossierCommand
        var door: Actor = Fixtures.coordinator
        var op: Date = Fixtures.dag(70)
        let verwacht: Verwachting
        var testDescription: String { naam }
    }

    static let c = Fixtures.coordinator
    static let termijn = Kalenderdatum("2026-03-15")!
    static let ronde2 = DossierCommand.openConsultatie(koepels: [.VNG, .IPO, .UvW], termijn: Kalenderdatum("2026-06-01")!)
    static let besluitProvincie = DossierCommand.legBesluitVast(bestuurslaag: .provincie, motivering: "Volgt het advies.")
    static let reactie = DossierCommand.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Bezwaar.", kenmerk: nil)
    static let kamerstuk = DossierCommand.koppelKamerstuk(nummer: "33047-43", titel: "Kamerbrief", datum: Kalenderdatum("2026-03-10")!)
    static let toetsing = DossierCommand.legToetsingVast(taakkenmerken: Fixtures.regionaalVeel, toelichting: "Opnieuw.")
    static let financien = DossierCommand.legFinancieleGevolgenVast(structureleKosten: 1, incidenteleKosten: 0, dekking: "Fonds", toelichting: "Klein.")
    static let udo = DossierCommand.vraagUdoAan(toelichting: "UDO graag.", termijn: nil)
    static let uitkomst = DossierCommand.legUdoUitkomstVast(uitkomst: .uitvoerbaar, samenvatting: "Goed.", vindplaats: "https://example.org/udo")
    static let heropen = DossierCommand.heropen(aanleiding: .wetsevaluatie, toelichting: "Evaluatie 2030.")
    static let ingetrokken = DomainError.conflict("Het dossier is ingetrokken (Het wetsvoorstel is van tafel.); er wordt niets meer aanvaard.")
    static func besloten(_ wat: String) -> DomainError { .conflict("Het dossier is besloten; er kan pas weer \(wat) na heropening.") }

    static let overgangen: [Overgang] = [
        // MARK: openen
        Overgang(naam: "coordinator opens a dossier", start: .leeg, command: .openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), verwacht: .aanvaard("DossierGeopend")),
        Overgang(naam: "an existing task with an aanleiding can be opened", start: .leeg,
                 command: .openen(id: Fixtures.dossierID, voorstel: Voorstel(titel: "Jeugdwet", omschrijving: "Evaluatie.", vakdepartement: "VWS", soort: .taak, nieuweTaak: false, aanleiding: .motie)),
                 verwacht: .aanvaard("DossierGeopend")),
        Overgang(naam: "an existing task without aanleiding is refused", start: .leeg,
                 command: .openen(id: Fixtures.dossierID, voorstel: Voorstel(titel: "Jeugdwet", omschrijving: "Evaluatie.", vakdepartement: "VWS", soort: .taak, nieuweTaak: false)),
                 verwacht: .ongeldig(["aanleiding"])),
        Overgang(naam: "a koepel may not open a dossier", start: .leeg, command: .openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), door: Fixtures.vng,
                 verwacht: .geweigerd(.nietToegestaan("Alleen een coördinator kan een dossier openen."))),
        Overgang(naam: "a liaison may not open a dossier", start: .leeg, command: .openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), door: Fixtures.liaison,
                 verwacht: .geweigerd(.nietToegestaan("Alleen een coördinator kan een dossier openen."))),
        Overgang(naam: "opening an existing dossier again is refused", start: .geopend, command: .openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel),
                 verwacht: .geweigerd(.conflict("Het dossier bestaat al."))),
        Overgang(naam: "any command on an unknown dossier is not found", start: .leeg, command: .trekIn(reden: "Weg."), verwacht: .geweigerd(.nietGevonden)),

        // MARK: wijzigVoorstel
        Overgang(naam: "the proposal can be changed while open", start: .rondeOpen, command: .wijzigVoorstel(VoorstelWijziging(titel: "Nieuwe titel")), verwacht: .aanvaard("VoorstelGewijzigd")),
        Overgang(naam: "an empty change is invalid", start: .geopend, command: .wijzigVoorstel(VoorstelWijziging()), verwacht: .ongeldig(["body"])),
        Overgang(naam: "making the task existing needs an aanleiding", start: .geopend, command: .wijzigVoorstel(VoorstelWijziging(nieuweTaak: false)), verwacht: .ongeldig(["aanleiding"])),
        Overgang(naam: "a decided proposal cannot be changed", start: .besloten, command: .wijzigVoorstel(VoorstelWijziging(titel: "Anders")),
                 verwacht: .geweigerd(besloten("het voorstel worden gewijzigd"))),
        Overgang(naam: "a liaison may not change the proposal", start: .geopend, command: .wijzigVoorstel(VoorstelWijziging(titel: "Anders")), door: Fixtures.liaison,
                 verwacht: .geweigerd(.nietToegestaan("Een liaison kan alleen een Kamerstuk koppelen."))),

        // MARK: consultatie
        Overgang(naam: "a round can be opened on a new dossier", start: .geopend, command: .openConsultatie(koepels: [.IPO, .VNG], termijn: termijn), verwacht: .aanvaard("ConsultatieGeopend")),
        Overgang(naam: "a second round while one is open is refused", start: .rondeOpen, command: ronde2,
                 verwacht: .geweigerd(.conflict("Consultatieronde 1 is nog open; er kan maar één ronde tegelijk open zijn."))),
        Overgang(naam: "a second round after the UDO is normal", start: .klaarVoorBesluit, command: ronde2, verwacht: .aanvaard("ConsultatieGeopend")),
        Overgang(naam: "a round can be opened while a UDO is pending", start: .udoLopend, command: ronde2, verwacht: .aanvaard("ConsultatieGeopend")),
        Overgang(naam: "no round after the decision", start: .besloten, command: ronde2, verwacht: .geweigerd(besloten("een consultatieronde worden geopend"))),
        Overgang(naam: "no round after withdrawal", start: .ingetrokken, command: ronde2, verwacht: .geweigerd(ingetrokken)),
        Overgang(naam: "a round needs at least one koepel", start: .geopend, command: .openConsultatie(koepels: [], termijn: termijn), verwacht: .ongeldig(["koepels"])),
        Overgang(naam: "a koepel may not open a round", start: .rondeOpen, command: ronde2, door: Fixtures.vng,
                 verwacht: .geweigerd(.nietToegestaan("Een koepel kan alleen een eigen bestuurlijke reactie indienen."))),

        // MARK: reacties
        Overgang(naam: "an invited koepel reacts in an open round", start: .rondeOpen, command: reactie, door: Fixtures.vng, op: Fixtures.dag(3), verwacht: .aanvaard("ReactieIngediend")),
        Overgang(naam: "a koepel reacts only once per round", start: .gereageerd, command: reactie, door: Fixtures.vng, op: Fixtures.dag(3),
                 verwacht: .geweigerd(.conflict("VNG heeft in consultatieronde 1 al gereageerd."))),
        Overgang(naam: "the other invited koepel still reacts", start: .gereageerd, command: reactie, door: Fixtures.ipo, op: Fixtures.dag(3), verwacht: .aanvaard("ReactieIngediend")),
        Overgang(naam: "a koepel not invited to this round may not react in it", start: .tweedeRondeOpen,
                 command: .dienReactieIn(ronde: 2, koepel: nil, standpunt: .instemmend, toelichting: "Ook wij.", kenmerk: nil), door: Fixtures.ipo,
                 verwacht: .geweigerd(.nietToegestaan("IPO is niet uitgenodigd voor consultatieronde 2."))),
        Overgang(naam: "a koepel never invited does not see the dossier", start: .rondeOpen, command: reactie, door: Fixtures.uvw, verwacht: .geweigerd(.nietGevonden)),
        Overgang(naam: "a reactie in a closed round is refused", start: .rondeGesloten, command: .dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Laat.", kenmerk: nil),
                 door: Fixtures.ipo, verwacht: .geweigerd(.conflict("De consultatieronde 1 is al gesloten."))),
        Overgang(naam: "a reactie in an unknown round is not found", start: .rondeOpen, command: .dienReactieIn(ronde: 7, koepel: nil, standpunt: .instemmend, toelichting: "?", kenmerk: nil),
                 door: Fixtures.vng, verwacht: .geweigerd(.nietGevonden)),
        Overgang(naam: "a koepel cannot react for another koepel", start: .rondeOpen, command: .dienReactieIn(ronde: 1, koepel: .IPO, standpunt: .instemmend, toelichting: "Namens IPO.", kenmerk: nil),
                 door: Fixtures.vng, verwacht: .geweigerd(.nietToegestaan("VNG kan geen reactie indienen namens IPO."))),
        Overgang(naam: "a coordinator registers a reactie namens an invited koepel", start: .rondeOpen,
                 command: .dienReactieIn(ronde: 1, koepel: .IPO, standpunt: .instemmend, toelichting: "Per brief.", kenmerk: "IPO/2026/12"), verwacht: .aanvaard("ReactieIngediend")),
        Overgang(naam: "a coordinator must name the koepel", start: .rondeOpen, command: reactie, verwacht: .ongeldig(["koepel"])),
        Overgang(naam: "a coordinator cannot register for a koepel not invited", start: .rondeOpen,
                 command: .dienReactieIn(ronde: 1, koepel: .UvW, standpunt: .instemmend, toelichting: "?", kenmerk: nil),
                 verwacht: .geweigerd(.conflict("UvW is niet uitgenodigd voor consultatieronde 1."))),
        Overgang(naam: "a liaison cannot react", start: .rondeOpen, command: reactie, door: Fixtures.liaison,
                 verwacht: .geweigerd(.nietToegestaan("Een liaison kan alleen een Kamerstuk koppelen."))),
        Overgang(naam: "a reactie after withdrawal is refused", start: .ingetrokken, command: reactie, door: Fixtures.vng, verwacht: .geweigerd(ingetrokken)),
        Overgang(naam: "a round is closed once", start: .rondeOpen, command: .sluitConsultatie(ronde: 1), verwacht: .aanvaard("ConsultatieGesloten")),
        Overgang(naam: "closing a closed round is refused", start: .rondeGesloten, command: .sluitConsultatie(ronde: 1),
                 verwacht: .geweigerd(.conflict("De consultatieronde 1 is al gesloten."))),
        Overgang(naam: "closing an unknown round is not found", start: .rondeOpen, command: .sluitConsultatie(ronde: 2), verwacht: .geweigerd(.nietGevonden)),
        Overgang(naam: "a koepel cannot close a round", start: .rondeOpen, command: .sluitConsultatie(ronde: 1), door: Fixtures.vng,
                 verwacht: .geweigerd(.nietToegestaan("Een koepel kan alleen een eigen bestuurlijke reactie indienen."))),

        // MARK: toetsing
        Overgang(naam: "an assessment can be recorded on a new proposal", start: .geopend, command: toetsing, verwacht: .aanvaard("KaderToetsingVastgelegd")),
        Overgang(naam: "an assessment can be recorded during a round", start: .rondeOpen, command: toetsing, verwacht: .aanvaard("KaderToetsingVastgelegd")),
        Overgang(naam: "an assessment can be re-recorded after the UDO", start: .klaarVoorBesluit, command: toetsing, verwacht: .aanvaard("KaderToetsingVastgelegd")),
        Overgang(naam: "no assessment while a UDO is pending", start: .udoLopend, command: toetsing,
                 verwacht: .geweigerd(.conflict("Er loopt een UDO; de toetsing kan pas opnieuw worden vastgelegd als de UDO is afgerond."))),
        Overgang(naam: "no assessment after the decision", start: .besloten, command: toetsing, verwacht: .geweigerd(besloten("een toetsing worden vastgelegd"))),
        Overgang(naam: "congruent regions only with regional scale", start: .geopend,
                 command: .legToetsingVast(taakkenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .veel, congruenteRegioIndeling: true), toelichting: nil),
                 verwacht: .ongeldig(["taakkenmerken.congruenteRegioIndeling"])),

        // MARK: financiële gevolgen
        Overgang(naam: "financial consequences can be recorded while open", start: .udoLopend, command: financien, verwacht: .aanvaard("FinancieleGevolgenVastgelegd")),
        Overgang(naam: "no financial consequences after the decision", start: .besloten, command: financien,
                 verwacht: .geweigerd(besloten("de financiële gevolgen worden vastgelegd"))),

        // MARK: UDO
        Overgang(naam: "a UDO needs an assessment", start: .rondeGesloten, command: udo,
                 verwacht: .geweigerd(.conflict("Er is nog geen toetsing aan het afwegingskader vastgelegd; een UDO kan pas worden aangevraagd als het advies een decentrale bestuurslaag is."))),
        Overgang(naam: "a UDO needs a decentral advice", start: .getoetstRijk, command: udo,
                 verwacht: .geweigerd(.conflict("Het laatste advies (Rijk) is geen decentrale bestuurslaag; een UDO kan alleen worden aangevraagd bij een decentraal advies (R9)."))),
        Overgang(naam: "a UDO is requested on a decentral advice", start: .getoetstDecentraal, command: udo, verwacht: .aanvaard("UdoAangevraagd")),
        Overgang(naam: "one UDO at a time", start: .udoLopend, command: udo, verwacht: .geweigerd(.conflict("Er loopt al een UDO."))),
        Overgang(naam: "a UDO outcome needs a pending UDO", start: .getoetstDecentraal, command: uitkomst,
                 verwacht: .geweigerd(.conflict("Er is geen UDO aangevraagd waarvan de uitkomst kan worden vastgelegd."))),
        Overgang(naam: "the outcome of a pending UDO is recorded", start: .udoLopend, command: uitkomst, verwacht: .aanvaard("UdoAfgerond")),
        Overgang(naam: "a completed UDO cannot be completed again", start: .klaarVoorBesluit, command: uitkomst,
                 verwacht: .geweigerd(.conflict("Er is geen UDO aangevraagd waarvan de uitkomst kan worden vastgelegd."))),
        Overgang(naam: "no UDO after the decision", start: .besloten, command: udo, verwacht: .geweigerd(besloten("een UDO worden aangevraagd"))),

        // MARK: besluit
        Overgang(naam: "a decision needs an assessment", start: .rondeGesloten, command: .legBesluitVast(bestuurslaag: .rijk, motivering: "Landelijk."),
                 verwacht: .geweigerd(.conflict("Er is nog geen toetsing aan het afwegingskader vastgelegd; een besluit vereist een toetsing."))),
        Overgang(naam: "a decision needs no open round", start: .tweedeRondeOpen, command: besluitProvincie,
                 verwacht: .geweigerd(.conflict("Consultatieronde 2 is nog open; sluit die eerst."))),
        Overgang(naam: "a decision needs no pending UDO", start: .udoLopend, command: besluitProvincie,
                 verwacht: .geweigerd(.conflict("Er loopt nog een UDO; een besluit kan pas na afronding ervan."))),
        Overgang(naam: "a decentral decision needs a completed UDO", start: .getoetstDecentraal, command: besluitProvincie,
                 verwacht: .geweigerd(.conflict("Voor een decentrale bestuurslaag (provincie) is eerst een afgeronde UDO nodig."))),
        Overgang(naam: "a decentral decision needs recorded financial consequences", start: .udoAfgerondZonderFinancien, command: besluitProvincie,
                 verwacht: .geweigerd(.conflict("Voor een decentrale bestuurslaag (provincie) moeten eerst de financiële gevolgen zijn vastgelegd (artikel 2 Financiële-verhoudingswet)."))),
        Overgang(naam: "a decision for the Rijk needs no UDO", start: .getoetstRijk, command: .legBesluitVast(bestuurslaag: .rijk, motivering: "Volgt het advies."),
                 verwacht: .aanvaard("BesluitVastgelegd")),
        Overgang(naam: "a decision deviating to the Rijk is accepted and flagged", start: .getoetstDecentraal, command: .legBesluitVast(bestuurslaag: .rijk, motivering: "Landelijke uniformiteit."),
                 verwacht: .aanvaard("BesluitVastgelegd")),
        Overgang(naam: "a decision following the advice", start: .klaarVoorBesluit, command: besluitProvincie, verwacht: .aanvaard("BesluitVastgelegd")),
        Overgang(naam: "a decision needs a motivering", start: .klaarVoorBesluit, command: .legBesluitVast(bestuurslaag: .gemeente, motivering: "  "), verwacht: .ongeldig(["motivering"])),
        Overgang(naam: "a second decision is refused", start: .besloten, command: besluitProvincie,
                 verwacht: .geweigerd(.conflict("Er is al een besluit vastgelegd; heropen het dossier om opnieuw te besluiten."))),
        Overgang(naam: "a decision after withdrawal is refused", start: .ingetrokken, command: besluitProvincie, verwacht: .geweigerd(ingetrokken)),

        // MARK: kamerstukken
        Overgang(naam: "a liaison links a Kamerstuk", start: .rondeOpen, command: kamerstuk, door: Fixtures.liaison, verwacht: .aanvaard("KamerstukGekoppeld")),
        Overgang(naam: "a Kamerstuk can be linked after the decision", start: .besloten, command: kamerstuk, verwacht: .aanvaard("KamerstukGekoppeld")),
        Overgang(naam: "a koepel cannot link a Kamerstuk", start: .rondeOpen, command: kamerstuk, door: Fixtures.vng,
                 verwacht: .geweigerd(.nietToegestaan("Een koepel kan alleen een eigen bestuurlijke reactie indienen."))),
        Overgang(naam: "a Kamerstuk number must look like one", start: .geopend, command: .koppelKamerstuk(nummer: "brief", titel: "X", datum: termijn), verwacht: .ongeldig(["nummer"])),
        Overgang(naam: "no Kamerstuk after withdrawal", start: .ingetrokken, command: kamerstuk, door: Fixtures.liaison, verwacht: .geweigerd(ingetrokken)),

        // MARK: intrekking en heropening
        Overgang(naam: "an open dossier can be withdrawn", start: .udoLopend, command: .trekIn(reden: "Vervallen."), verwacht: .aanvaard("DossierIngetrokken")),
        Overgang(naam: "a decided dossier must be reopened before withdrawal", start: .besloten, command: .trekIn(reden: "Vervallen."),
                 verwacht: .geweigerd(.conflict("Het dossier is besloten; heropen het eerst om het in te trekken."))),
        Overgang(naam: "withdrawing twice is refused", start: .ingetrokken, command: .trekIn(reden: "Nogmaals."), verwacht: .geweigerd(ingetrokken)),
        Overgang(naam: "a liaison cannot withdraw", start: .geopend, command: .trekIn(reden: "Nee."), door: Fixtures.liaison,
                 verwacht: .geweigerd(.nietToegestaan("Een liaison kan alleen een Kamerstuk koppelen."))),
        Overgang(naam: "a decided dossier can be reopened", start: .besloten, command: heropen, verwacht: .aanvaard("DossierHeropend")),
        Overgang(naam: "only a decided dossier can be reopened", start: .getoetstDecentraal, command: heropen,
                 verwacht: .geweigerd(.conflict("Alleen een besloten dossier kan worden heropend; dit dossier is in fase getoetst."))),
        Overgang(naam: "a withdrawn dossier cannot be reopened", start: .ingetrokken, command: heropen, verwacht: .geweigerd(ingetrokken)),
    ]

    @Test(arguments: overgangen)
    func transitionIsAllowedOrRefusedWithItsReason(_ overgang: Overgang) throws {
        let verloop = try overgang.start.verloop()
        let uitkomst = Result { () throws(DomainError) -> [DossierEvent] in
            try Beslissing.decide(verloop.state, overgang.command, by: overgang.door, at: overgang.op, kenmerk: Fixtures.kenmerk)
        }
        switch (overgang.verwacht, uitkomst) {
        case (.aanvaard(let type), .success(let events)):
            #expect(events.map(\.type) == [type])
        case (.geweigerd(let fout), .failure(let gekregen)):
            #expect(gekregen == fout)
        case (.ongeldig(let velden), .failure(.ongeldigeInvoer(let invoer))):
            #expect(invoer.problems.map(\.name) == velden)
        default:
            Issue.record("expected \(overgang.verwacht), got \(uitkomst)")
        }
    }
}
