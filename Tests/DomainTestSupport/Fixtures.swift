import Foundation
import Taaktoedeling

/// Shared actors, moments and a small driver that decides and evolves commands in order.
public enum Fixtures {
    public static let coordinator = Actor(naam: "Coördinator BZK", hoedanigheid: .coordinator)
    public static let liaison = Actor(naam: "Liaison", hoedanigheid: .liaison)
    public static let vng = Actor(naam: "VNG", hoedanigheid: .koepel(.VNG))
    public static let ipo = Actor(naam: "IPO", hoedanigheid: .koepel(.IPO))
    public static let uvw = Actor(naam: "UvW", hoedanigheid: .koepel(.UvW))

    public static let dossierID = UUID(uuidString: "6F1C1D2E-3A4B-4C5D-8E9F-0A1B2C3D4E5F")!
    public static let kenmerk = Kenmerk(jaar: 2026, volgnummer: 1)!
    /// 2026-03-01T09:00:00Z.
    public static let begin = Date(timeIntervalSince1970: 1_772_355_600)

    public static func dag(_ n: Int) -> Date { begin.addingTimeInterval(TimeInterval(n) * 86_400) }

    public static let nieuwVoorstel = Voorstel(
        titel: "Wet regionale energiestrategie", omschrijving: "Nieuwe taak voor de energietransitie.",
        vakdepartement: "EZK", soort: .taak, nieuweTaak: true
    )

    public static let regionaalVeel = Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, congruenteRegioIndeling: true)
    public static let landelijkVeel = Taakkenmerken(schaal: .landelijk, beleidsvrijheid: .veel)

    /// The state, versions and recorded events of a dossier driven through a sequence of commands.
    public struct Verloop {
        public var state: Dossier?
        public var events: [(DossierEvent, version: Int64, recordedAt: Date)] = []

        public init() {}

        /// Decides and, when accepted, applies the command at the given moment.
        public mutating func voer(_ command: DossierCommand, door actor: Actor = Fixtures.coordinator, op moment: Date) throws(DomainError) {
            let nieuw = try Beslissing.decide(state, command, by: actor, at: moment, kenmerk: Fixtures.kenmerk)
            for event in nieuw {
                let versie = Int64(events.count + 1)
                state = Beslissing.evolve(state, event, version: versie, recordedAt: moment)
                events.append((event, versie, moment))
            }
        }
    }

    /// A dossier opened on day 0.
    public static func geopend() throws -> Verloop {
        var verloop = Verloop()
        try verloop.voer(.openen(id: dossierID, voorstel: nieuwVoorstel), op: dag(0))
        return verloop
    }

    /// A dossier with a closed round 1 (VNG and IPO reacted), a regional assessment, a completed UDO
    /// and financial consequences: ready for a decision for the provincie.
    public static func klaarVoorBesluit() throws -> Verloop {
        var verloop = try geopend()
        try verloop.voer(.openConsultatie(koepels: [.VNG, .IPO], termijn: Kalenderdatum("2026-03-15")!), op: dag(1))
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Akkoord.", kenmerk: nil), door: vng, op: dag(2))
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmendMetKanttekeningen, toelichting: "Met kanttekeningen.", kenmerk: "IPO-2026-7"), door: ipo, op: dag(3))
        try verloop.voer(.sluitConsultatie(ronde: 1), op: dag(20))
        try verloop.voer(.legToetsingVast(taakkenmerken: regionaalVeel, toelichting: nil), op: dag(21))
        try verloop.voer(.vraagUdoAan(toelichting: "Graag een UDO.", termijn: nil), op: dag(22))
        try verloop.voer(.legUdoUitkomstVast(uitkomst: .uitvoerbaarMetVoorwaarden, samenvatting: "Uitvoerbaar met extra middelen.", vindplaats: nil), op: dag(50))
        try verloop.voer(.legFinancieleGevolgenVast(structureleKosten: 1_200_000, incidenteleKosten: 300_000, dekking: "Gemeentefonds", toelichting: "Raming."), op: dag(51))
        return verloop
    }
}
