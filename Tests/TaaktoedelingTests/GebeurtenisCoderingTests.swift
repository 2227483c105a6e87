import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct GebeurtenisCoderingTests {
    static let alleEvents: [DossierEvent] = [
        .dossierGeopend(DossierGeopend(id: Fixtures.dossierID, kenmerk: Fixtures.kenmerk, voorstel: Voorstel(titel: "T", omschrijving: "O", vakdepartement: "V", soort: .bevoegdheid, nieuweTaak: false, aanleiding: .politiekeAfspraak, wettelijkeGrondslag: "art. 2"))),
        .voorstelGewijzigd(VoorstelGewijzigd(wijziging: VoorstelWijziging(titel: "Nieuw", nieuweTaak: true))),
        .consultatieGeopend(ConsultatieGeopend(ronde: 1, koepels: [.VNG, .UvW], termijn: Kalenderdatum("2026-04-30")!)),
        .reactieIngediend(ReactieIngediend(ronde: 1, koepel: .VNG, standpunt: .instemmendMetKanttekeningen, toelichting: "Ja, maar.", kenmerk: "VNG/1", teLaat: true, geregistreerdDoor: "Coördinator BZK")),
        .consultatieGesloten(ConsultatieGesloten(ronde: 1)),
        .kaderToetsingVastgelegd(KaderToetsingVastgelegd(taakkenmerken: Fixtures.regionaalVeel, toelichting: "Regionaal.", advies: Afwegingskader.advies(voor: Fixtures.regionaalVeel))),
        .financieleGevolgenVastgelegd(FinancieleGevolgenVastgelegd(structureleKosten: 5_000_000, incidenteleKosten: -20, dekking: "Provinciefonds", toelichting: "Raming.")),
        .udoAangevraagd(UdoAangevraagd(toelichting: "Graag.", termijn: Kalenderdatum("2026-06-30"))),
        .udoAfgerond(UdoAfgerond(uitkomst: .nietUitvoerbaar, samenvatting: "Nee.", vindplaats: "https://example.org/udo/1")),
        .besluitVastgelegd(BesluitVastgelegd(bestuurslaag: .rijk, motivering: "Uniformiteit.", afwijkingVanAdvies: true, geadviseerdeBestuurslaag: .provincie)),
        .kamerstukGekoppeld(KamerstukGekoppeld(nummer: "33047-43", titel: "Kamerbrief", datum: Kalenderdatum("2026-03-10")!)),
        .dossierIngetrokken(DossierIngetrokken(reden: "Vervallen.")),
        .dossierHeropend(DossierHeropend(aanleiding: .wetsevaluatie, toelichting: "Evaluatie.")),
        .documentToegevoegd(DocumentToegevoegd(
            documentId: Fixtures.dossierID, versie: 2, titel: "Brief", documentsoort: .reactie, bestandsnaam: "brief \"VNG\".pdf",
            mediatype: "application/pdf", omvang: 1234, sha256: String(repeating: "ab", count: 32), vertrouwelijkheid: .openbaar,
            reactie: ReactieVerwijzing(ronde: 1, koepel: .VNG), vervangt: Fixtures.dossierID, toegevoegdDoor: "VNG")),
        .archiveringVastgelegd(ArchiveringVastgelegd(categorie: SelectielijstCategorie(
            code: "2.1", omschrijving: "Ingetrokken", waardering: .vernietigen, bewaartermijn: Bewaartermijn("P10Y"), standaardVoor: [.ingetrokken]))),
        .dossierOvergedragen(DossierOvergedragen(ontvangstbevestiging: "EDEPOT-1")),
        .dossierVernietigd(DossierVernietigd(lijst: UUID(uuidString: "0b8e8f8e-1d2c-4b5a-9f00-0000000000aa")!)),
    ]

    @Test func everyEventTypeHasACaseAndAVersion() {
        #expect(Set(Self.alleEvents.map(\.type)) == Set(DossierEvent.schemaVersions.keys))
        #expect(Self.alleEvents.count == 17)
    }

    @Test(arguments: alleEvents)
    func eventSurvivesEncodeAndDecode(_ event: DossierEvent) throws {
        let data = try event.encodedData()
        #expect(try DossierEvent.decode(type: event.type, schemaVersion: event.schemaVersion, data: data) == event)
        #expect(try event.encodedData() == data)
    }

    @Test func payloadsAreJSONWithSortedKeys() throws {
        let data = try DossierEvent.consultatieGeopend(ConsultatieGeopend(ronde: 2, koepels: [.IPO], termijn: Kalenderdatum("2026-04-30")!)).encodedData()
        #expect(String(decoding: data, as: UTF8.self) == #"{"koepels":["IPO"],"ronde":2,"termijn":"2026-04-30"}"#)
    }

    @Test func aVersion1AssessmentIsUpcastWithTheAdviceOfTheKader() throws {
        let v1 = #"{"taakkenmerken":{"schaal":"lokaal","beleidsvrijheid":"veel","sturingVakdepartement":false,"waterbeheer":false,"specifiekBeleidsterrein":true,"samenwerking":"geen"},"toelichting":"Oud."}"#
        let event = try DossierEvent.decode(type: "KaderToetsingVastgelegd", schemaVersion: 1, data: Data(v1.utf8))
        guard case .kaderToetsingVastgelegd(let toetsing) = event else { Issue.record("wrong case \(event)"); return }
        #expect(toetsing.advies.bestuurslaag == .gemeente)
        #expect(toetsing.advies.alternatieven == [.functioneelBestuur])
        #expect(toetsing.toelichting == "Oud.")
        #expect(event.schemaVersion == 2)
    }

    @Test func aVersion1ReactieIsUpcastWithTheKoepelAsRegistrar() throws {
        let v1 = #"{"ronde":1,"koepel":"IPO","standpunt":"bezwaar","toelichting":"Nee.","teLaat":false}"#
        let event = try DossierEvent.decode(type: "ReactieIngediend", schemaVersion: 1, data: Data(v1.utf8))
        #expect(event == .reactieIngediend(ReactieIngediend(ronde: 1, koepel: .IPO, standpunt: .bezwaar, toelichting: "Nee.", kenmerk: nil, teLaat: false, geregistreerdDoor: "IPO")))
    }

    @Test func unknownTypesAndFutureVersionsAreRefused() {
        #expect(throws: DossierEventDecodingError.onbekendType("DossierVerplaatst")) {
            try DossierEvent.decode(type: "DossierVerplaatst", schemaVersion: 1, data: Data("{}".utf8))
        }
        #expect(throws: DossierEventDecodingError.onbekendeSchemaVersie(type: "UdoAfgerond", schemaVersion: 2)) {
            try DossierEvent.decode(type: "UdoAfgerond", schemaVersion: 2, data: Data("{}".utf8))
        }
        #expect(throws: DossierEventDecodingError.self) {
            try DossierEvent.decode(type: "UdoAfgerond", schemaVersion: 1, data: Data(#"{"uitkomst":"misschien"}"#.utf8))
        }
    }
}
