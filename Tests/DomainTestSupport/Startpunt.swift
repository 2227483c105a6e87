import Foundation
import Taaktoedeling

/// Named states of a dossier that the transition table starts from.
public enum Startpunt: String, Sendable, CaseIterable {
    case leeg, geopend, rondeOpen, gereageerd, rondeGesloten, tweedeRondeOpen, getoetstDecentraal, getoetstRijk, udoLopend, udoAfgerondZonderFinancien, klaarVoorBesluit, besloten, ingetrokken

    /// The driven dossier in this state (every step dated within March–April 2026).
    public func verloop() throws -> Fixtures.Verloop {
        let c = Fixtures.coordinator
        switch self {
        case .leeg:
            return Fixtures.Verloop()
        case .geopend:
            return try Fixtures.geopend()
        case .rondeOpen:
            var v = try Fixtures.geopend()
            try v.voer(.openConsultatie(koepels: [.VNG, .IPO], termijn: Kalenderdatum("2026-03-15")!), door: c, op: Fixtures.dag(1))
            return v
        case .gereageerd:
            var v = try Startpunt.rondeOpen.verloop()
            try v.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Akkoord.", kenmerk: nil), door: Fixtures.vng, op: Fixtures.dag(2))
            return v
        case .tweedeRondeOpen:
            var v = try Fixtures.klaarVoorBesluit()
            try v.voer(.openConsultatie(koepels: [.VNG], termijn: Kalenderdatum("2026-06-01")!), door: c, op: Fixtures.dag(52))
            return v
        case .rondeGesloten:
            var v = try Startpunt.rondeOpen.verloop()
            try v.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Akkoord.", kenmerk: nil), door: Fixtures.vng, op: Fixtures.dag(2))
            try v.voer(.sluitConsultatie(ronde: 1), door: c, op: Fixtures.dag(20))
            return v
        case .getoetstDecentraal:
            var v = try Startpunt.rondeGesloten.verloop()
            try v.voer(.legToetsingVast(taakkenmerken: Fixtures.regionaalVeel, toelichting: nil), door: c, op: Fixtures.dag(21))
            return v
        case .getoetstRijk:
            var v = try Startpunt.rondeGesloten.verloop()
            try v.voer(.legToetsingVast(taakkenmerken: Fixtures.landelijkVeel, toelichting: nil), door: c, op: Fixtures.dag(21))
            return v
        case .udoLopend:
            var v = try Startpunt.getoetstDecentraal.verloop()
            try v.voer(.vraagUdoAan(toelichting: "Graag een UDO.", termijn: Kalenderdatum("2026-05-01")), door: c, op: Fixtures.dag(22))
            return v
        case .udoAfgerondZonderFinancien:
            var v = try Startpunt.udoLopend.verloop()
            try v.voer(.legUdoUitkomstVast(uitkomst: .nietUitvoerbaar, samenvatting: "Te duur.", vindplaats: nil), door: c, op: Fixtures.dag(40))
            return v
        case .klaarVoorBesluit:
            return try Fixtures.klaarVoorBesluit()
        case .besloten:
            var v = try Fixtures.klaarVoorBesluit()
            try v.voer(.legBesluitVast(bestuurslaag: .provincie, motivering: "Volgt het advies."), door: c, op: Fixtures.dag(60))
            return v
        case .ingetrokken:
            var v = try Startpunt.rondeOpen.verloop()
            try v.voer(.trekIn(reden: "Het wetsvoorstel is van tafel."), door: c, op: Fixtures.dag(5))
            return v
        }
    }
}
