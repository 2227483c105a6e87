import Foundation
import Taaktoedeling

/// Instants as the CLI shows them: Europe/Amsterdam wall-clock time, `29-11-2026 03:45`.
enum Tijdweergave {
    static func moment(_ date: Date) -> String {
        let datum = AmsterdamseTijd.kalenderdatum(van: date)
        let lokaal = Int(floor(date.timeIntervalSince1970)) + AmsterdamseTijd.offset(op: date)
        let secondenVanDeDag = ((lokaal % 86_400) + 86_400) % 86_400
        return "\(twee(datum.dag))-\(twee(datum.maand))-\(datum.jaar) \(twee(secondenVanDeDag / 3600)):\(twee(secondenVanDeDag % 3600 / 60))"
    }

    static func moment(_ date: Date?) -> String {
        date.map { moment($0) } ?? "–"
    }

    private static func twee(_ getal: Int) -> String {
        getal < 10 ? "0\(getal)" : "\(getal)"
    }
}
