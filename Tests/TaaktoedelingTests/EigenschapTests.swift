import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling
import DomainTestSupport

/// Random command sequences from random actors never break a lifecycle invariant, and folding the
/// recorded (encoded and decoded) events gives the state the sequence built.
@Suite struct EigenschapTests {
    static let actoren = [Fixtures.coordinator, Fixtures.coordinator, Fixtures.vng, Fixtures.ipo, Fixtures.uvw, Fixtures.liaison]

    /// Turns one random number into an actor and a command; a few commands are deliberately invalid.
    static func stap(_ n: Int) -> (Actor, DossierCommand) {
        let actor = actoren[n % actoren.count]
        let p = n / 100
        let koepelsets: [[Koepel]] = [[.VNG], [.IPO], [.UvW], [.VNG, .IPO], [.VNG, .UvW], [.IPO, .UvW], [.VNG, .IPO, .UvW], []]
        let lagen = Bestuurslaag.allCases
        let command: DossierCommand
        switch (n / actoren.count) % 16 {
        case 0: command = .wijzigVoorstel(VoorstelWijziging(titel: p % 2 == 0 ? "Titel \(p)" : nil, nieuweTaak: p % 3 == 0 ? false : nil, aanleiding: p % 5 == 0 ? .wetsevaluatie : nil))
        case 1, 2: command = .openConsultatie(koepels: koepelsets[p % koepelsets.count], termijn: Kalenderdatum(dagnummer: 20_513 + p % 60))
        case 3, 4, 5:
            command = .dienReactieIn(ronde: p % 3 + 1, koepel: p % 4 == 0 ? nil : Koepel.allCases[p % 3], standpunt: Standpunt.allCases[p % 3], toelichting: p % 17 == 0 ? " " : "Reactie \(p).", kenmerk: nil)
        case 6: command = .sluitConsultatie(ronde: p % 3 + 1)
        case 7:
            command = .legToetsingVast(taakkenmerken: Taakkenmerken(
                schaal: Schaal.allCases[p % 3], beleidsvrijheid: Beleidsvrijheid.allCases[(p / 3) % 2],
                sturingVakdepartement: (p / 6) % 2 == 1, waterbeheer: (p / 12) % 5 == 1, specifiekBeleidsterrein: (p / 60) % 2 == 1,
                samenwerking: Samenwerking.allCases[(p / 120) % 4]
            ), toelichting: nil)
        case 8: command = .legFinancieleGevolgenVast(structureleKosten: p, incidenteleKosten: p / 2, dekking: "Fonds", toelichting: "Raming.")
        case 9: command = .vraagUdoAan(toelichting: "UDO.", termijn: nil)
        case 10: command = .legUdoUitkomstVast(uitkomst: UdoUitkomst.allCases[p % 3], samenvatting: "Uitkomst.", vindplaats: nil)
        case 11, 12: command = .legBesluitVast(bestuurslaag: lagen[p % lagen.count], motivering: p % 11 == 0 ? "" : "Motivering \(p).")
        case 13: command = .koppelKamerstuk(nummer: "33047-\(p % 4)", titel: "Brief", datum: Kalenderdatum("2026-03-10")!)
        case 14: command = p % 3 == 0 ? .trekIn(reden: "Vervallen.") : .heropen(aanleiding: .motie, toelichting: "Motie.")
        default: command = .heropen(aanleiding: Aanleiding.allCases[p % 3], toelichting: "Heropend.")
        }
        return (actor, command)
    }

    @Test func randomCommandSequencesKeepEveryInvariant() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000_000).array(of: 1...80)) { getallen in
            var verloop = Fixtures.Verloop()
            do {
                try verloop.voer(.openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), op: Fixtures.begin)
            } catch {
                Issue.record("opening failed: \(error)")
                return
            }
            for (index, getal) in getallen.enumerated() {
                let (actor, command) = Self.stap(getal)
                let moment = Fixtures.begin.addingTimeInterval(Double(index + 1) * 43_200 + Double(getal % 3600))
                let voor = verloop.state
                do {
                    let events = try Beslissing.decide(voor, command, by: actor, at: moment, kenmerk: Fixtures.kenmerk)
                    for event in events {
                        let versie = Int64(verloop.events.count + 1)
                        verloop.state = Beslissing.evolve(verloop.state, event, version: versie, recordedAt: moment)
                        verloop.events.append((event, versie, moment))
                    }
                    let na = verloop.state!
                    for fout in Invarianten.schendingen(van: command, door: actor, events: events, voor: voor, na: na) {
                        Issue.record("step \(index) \(command) by \(actor.naam): \(fout)")
                    }
                } catch {
                    #expect(verloop.state == voor)
                }
                for fout in Invarianten.schendingen(in: verloop.state!) {
                    Issue.record("after step \(index) \(command) by \(actor.naam): \(fout)")
                }
            }
            #expect(Dossier.fold(verloop.events) == verloop.state)
            let gelezen = verloop.events.map { event, versie, moment in
                ((try? DossierEvent.decode(type: event.type, schemaVersion: event.schemaVersion, data: event.encodedData())) ?? event, versie, moment)
            }
            #expect(gelezen.map(\.0) == verloop.events.map(\.0))
            #expect(Dossier.fold(gelezen) == verloop.state)
            #expect(Tijdlijn.regels(verloop.events.map { ($0.0, $0.version, $0.recordedAt, "x") }).count == verloop.events.count)
        }
    }

    /// Guards the generator: without reaching every fase the property above would prove little.
    @Test func theGeneratedSequencesReachEveryFase() throws {
        var bereikt: Set<Fase> = []
        var zaad: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var verloop = try Fixtures.geopend()
            for index in 0..<60 {
                zaad = zaad &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let (actor, command) = Self.stap(Int(zaad >> 33) % 10_000_000)
                try? verloop.voer(command, door: actor, op: Fixtures.begin.addingTimeInterval(Double(index + 1) * 43_200))
                if let fase = verloop.state?.fase { bereikt.insert(fase) }
            }
        }
        #expect(bereikt == Set(Fase.allCases))
    }
}
