import Dossiers
import Foundation
import Taaktoedeling

extension Evaluatieoverzicht {
    /// The overview as JSON (`application/json`): sorted keys, pretty printed.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The overview as CSV (`text/csv`): one line per measure, `onderdeel,sleutel,waarde`, CRLF line
    /// ends, cells quoted and neutralised as in every CSV of the product.
    public func csv() -> String {
        var regels = [["onderdeel", "sleutel", "waarde"]]
        for (onderdeel, sleutel, waarde) in metingen {
            regels.append([onderdeel, sleutel, waarde])
        }
        return regels.map { $0.map(StandVanZaken.csvVeld).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The overview as Markdown tables, with Dutch headings.
    public func markdown() -> String {
        var tekst = "## Overzicht voor de evaluatie van het beleidskader\n\n"
        for (kop, rijen) in hoofdstukken {
            tekst += "### \(kop)\n\n| Onderdeel | Aantal |\n| --- | --- |\n"
            for (naam, waarde) in rijen {
                tekst += "| \(StandVanZaken.markdownVeld(naam)) | \(StandVanZaken.markdownVeld(waarde)) |\n"
            }
            tekst += "\n"
        }
        return tekst
    }

    /// The overview as a standalone, printable HTML page (`text/html`), every value escaped.
    public func html() -> String {
        let titel = "Overzicht voor de evaluatie van het beleidskader"
        var pagina = HTMLPage.begin(titel: titel, stijl: """
        body { font-family: system-ui, sans-serif; font-size: 10pt; margin: 2em; color: #000; }
        table { border-collapse: collapse; margin-bottom: 1.5em; }
        th, td { border: 1px solid #666; padding: 4px 6px; text-align: left; }
        th { background: #e6e6e6; }
        @media print { @page { size: A4; margin: 1.5cm; } body { margin: 0; } }
        """)
        for (kop, rijen) in hoofdstukken {
            pagina += "<h2>\(HTMLEscaping.escape(kop))</h2>\n<table>\n<thead><tr><th scope=\"col\">Onderdeel</th><th scope=\"col\">Aantal</th></tr></thead>\n<tbody>\n"
            for (naam, waarde) in rijen {
                pagina += "<tr><td>\(HTMLEscaping.escape(naam))</td><td>\(HTMLEscaping.escape(waarde))</td></tr>\n"
            }
            pagina += "</tbody>\n</table>\n"
        }
        pagina += HTMLPage.einde
        return pagina
    }

    // MARK: Helpers

    /// Every measure as (part, key, value) with JSON names, for the CSV.
    private var metingen: [(String, String, String)] {
        var uit: [(String, String, String)] = [
            ("dossiers", "aantal", String(aantalDossiers)),
            ("dossiers", "nieuweTaken", String(nieuweTaken)),
            ("dossiers", "bestaandeTaken", String(bestaandeTaken)),
        ]
        uit += Aanleiding.allCases.map { ("bestaandeTakenPerAanleiding", $0.rawValue, String(bestaandeTakenPerAanleiding[$0.rawValue] ?? 0)) }
        uit += perGeadviseerdeBestuurslaag.map { ("geadviseerdeBestuurslaag", $0.bestuurslaag.rawValue, String($0.aantal)) }
        uit += perGekozenBestuurslaag.map { ("gekozenBestuurslaag", $0.bestuurslaag.rawValue, String($0.aantal)) }
        uit.append(("afwijkingenVanAdvies", "aantal", String(afwijkingenVanAdvies.count)))
        uit += afwijkingenVanAdvies.map { ("afwijkingenVanAdvies", "kenmerk", $0.description) }
        uit += UdoUitkomst.allCases.map { ("udosAfgerond", $0.rawValue, String(udosAfgerond[$0.rawValue] ?? 0)) }
        uit += [
            ("reacties", "aantal", String(aantalReacties)),
            ("reacties", "teLaat", String(aantalReactiesTeLaat)),
            ("reacties", "gemiddeldeReactietijdDagen", gemiddeldeReactietijdDagen.map { String($0) } ?? ""),
            ("reacties", "mediaanReactietijdDagen", mediaanReactietijdDagen.map { String($0) } ?? ""),
        ]
        return uit
    }

    /// The overview in Dutch words, part by part, for Markdown and HTML.
    private var hoofdstukken: [(String, [(String, String)])] {
        func dagen(_ waarde: Double?) -> String {
            waarde.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") + " dagen" } ?? "–"
        }
        return [
            ("Dossiers", [
                ("Dossiers", String(aantalDossiers)), ("Nieuwe taken", String(nieuweTaken)), ("Bestaande taken", String(bestaandeTaken)),
            ] + Aanleiding.allCases.map { ("Bestaande taken: \($0.weergave)", String(bestaandeTakenPerAanleiding[$0.rawValue] ?? 0)) }),
            ("Geadviseerde bestuurslaag", perGeadviseerdeBestuurslaag.map { ($0.bestuurslaag.weergave, String($0.aantal)) }),
            ("Gekozen bestuurslaag", perGekozenBestuurslaag.map { ($0.bestuurslaag.weergave, String($0.aantal)) }),
            ("Afwijkingen van het advies", [
                ("Besluiten die afwijken", String(afwijkingenVanAdvies.count)),
                ("Kenmerken", afwijkingenVanAdvies.isEmpty ? "–" : afwijkingenVanAdvies.map(\.description).joined(separator: ", ")),
            ]),
            ("Afgeronde UDO's", UdoUitkomst.allCases.map { ($0.weergave, String(udosAfgerond[$0.rawValue] ?? 0)) }),
            ("Consultatie", [
                ("Reacties", String(aantalReacties)), ("Na de termijn", String(aantalReactiesTeLaat)),
                ("Gemiddelde reactietijd", dagen(gemiddeldeReactietijdDagen)), ("Mediane reactietijd", dagen(mediaanReactietijdDagen)),
            ]),
        ]
    }
}
