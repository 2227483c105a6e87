import Foundation
import Taaktoedeling

/// How pages write times, dates, amounts and the domain's values: in Dutch, times in Europe/Amsterdam.
enum Formatting {
    /// `1 december 2026, 14:05`.
    static func moment(_ moment: Date) -> String {
        let lokaal = Int(floor(moment.timeIntervalSince1970)) + AmsterdamseTijd.offset(op: moment)
        let dag = AmsterdamseTijd.kalenderdatum(van: moment)
        let seconden = ((lokaal % 86_400) + 86_400) % 86_400
        return dag.voluit + ", " + twee(seconden / 3600) + ":" + twee(seconden / 60 % 60)
    }

    /// `1 december 2026`.
    static func datum(_ datum: Kalenderdatum) -> String { datum.voluit }

    /// The ISO form a date is typed in, `2026-12-01`.
    static func invoerDatum(_ datum: Kalenderdatum) -> String { datum.description }

    /// Days from `vandaag` to `termijn` as a phrase: `nog 5 dagen`, `vandaag`, `3 dagen verstreken`.
    static func dagenTot(_ termijn: Kalenderdatum, vandaag: Kalenderdatum) -> String {
        let dagen = termijn.dagnummer - vandaag.dagnummer
        switch dagen {
        case 0: return "laatste dag"
        case 1: return "nog 1 dag"
        case 2...: return "nog \(dagen) dagen"
        case -1: return "1 dag verstreken"
        default: return "\(-dagen) dagen verstreken"
        }
    }

    /// A file size in kB or MB (Dutch decimal comma), e.g. `2,4 MB`, `17 kB`, `512 bytes`.
    static func omvang(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\((bytes + 500) / 1000) kB" }
        let tienden = (bytes + 50_000) / 100_000
        return "\(tienden / 10),\(tienden % 10) MB"
    }

    static func fase(_ fase: Fase) -> String {
        let tekst = fase.weergave
        return tekst.prefix(1).uppercased() + tekst.dropFirst()
    }

    static func soort(_ soort: Soort) -> String { soort == .taak ? "Taak" : "Bevoegdheid" }

    static func koepelNaam(_ koepel: Koepel) -> String {
        switch koepel {
        case .VNG: "VNG (Vereniging van Nederlandse Gemeenten)"
        case .IPO: "IPO (Interprovinciaal Overleg)"
        case .UvW: "UvW (Unie van Waterschappen)"
        }
    }

    static func rol(_ rol: Rol) -> String {
        switch rol {
        case .coordinator: "coördinator"
        case .koepel: "koepel"
        case .liaison: "parlementair liaison"
        }
    }

    static func hoofdletter(_ tekst: String) -> String {
        tekst.prefix(1).uppercased() + tekst.dropFirst()
    }

    private static func twee(_ getal: Int) -> String {
        getal < 10 ? "0\(getal)" : String(getal)
    }
}
