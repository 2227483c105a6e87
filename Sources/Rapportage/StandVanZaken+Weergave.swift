import Dossiers
import Foundation
import Taaktoedeling

extension StandVanZaken {
    /// The report as JSON (`application/json`): sorted keys, pretty printed, instants in UTC.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// The report as CSV (`text/csv`, RFC 4180): a header line, CRLF line ends, fields with a comma,
    /// quote or line break quoted with doubled quotes; instants in UTC, layers and states by their
    /// JSON names; several Kamerstukken joined by `; `.
    public func csv() -> String {
        let kop = ["kenmerk", "titel", "vakdepartement", "fase", "laatsteMijlpaal", "reactieVNG", "reactieIPO",
                   "reactieUvW", "udo", "geadviseerdeBestuurslaag", "gekozenBestuurslaag", "afwijkingVanAdvies", "kamerstukken",
                   "archiefnominatie", "archiefactiedatum"]
        var regels = [kop.map(Self.csvVeld).joined(separator: ",")]
        for rij in rijen {
            let velden = [
                rij.kenmerk.description, rij.titel, rij.vakdepartement, rij.fase.rawValue,
                Peildatum.iso8601(rij.laatsteMijlpaal),
                rij.reactie(van: .VNG).rawValue, rij.reactie(van: .IPO).rawValue, rij.reactie(van: .UvW).rawValue,
                rij.udo.rawValue, rij.geadviseerdeBestuurslaag?.rawValue ?? "", rij.gekozenBestuurslaag?.rawValue ?? "",
                rij.afwijkingVanAdvies ? "ja" : "nee", rij.kamerstukken.joined(separator: "; "),
                rij.archiefnominatie?.rawValue ?? "", rij.archiefactiedatum?.description ?? "",
            ]
            regels.append(velden.map(Self.csvVeld).joined(separator: ","))
        }
        return regels.map { $0 + "\r\n" }.joined()
    }

    /// The report as a Markdown table (`text/markdown`) that can go into a Kamerbrief: Dutch column
    /// names and phrases, dates in Europe/Amsterdam, `\`, `|` and `<` escaped, line breaks as spaces.
    public func markdown() -> String {
        var tekst = "## Stand van zaken taaktoedeling per \(peildatumWeergave)\n\n"
        tekst += "| " + Self.kolommen.joined(separator: " | ") + " |\n"
        tekst += "|" + String(repeating: " --- |", count: Self.kolommen.count) + "\n"
        for rij in rijen {
            tekst += "| " + Self.menselijkeVelden(rij).map(Self.markdownVeld).joined(separator: " | ") + " |\n"
        }
        if rijen.isEmpty { tekst += "\nGeen dossiers op deze peildatum.\n" }
        return tekst
    }

    /// The report as a standalone, printable HTML page (`text/html`), every value escaped.
    public func html() -> String {
        let titel = "Stand van zaken taaktoedeling per \(peildatumWeergave)"
        var pagina = HTMLPage.begin(titel: titel, stijl: """
        body { font-family: "RijksoverheidSansText", Verdana, sans-serif; font-size: 10pt; margin: 2em; color: #000; }
        h1 { font-size: 14pt; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #666; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #e6e6e6; }
        tr { page-break-inside: avoid; }
        @media print { @page { size: A4 landscape; margin: 1.5cm; } body { margin: 0; } thead { display: table-header-group; } }
        """)
        pagina += "<table>\n<thead>\n<tr>" + Self.kolommen.map { "<th>\(HTMLEscaping.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for rij in rijen {
            pagina += "<tr>" + Self.menselijkeVelden(rij).map { "<td>\(HTMLEscaping.escape($0))</td>" }.joined() + "</tr>\n"
        }
        pagina += "</tbody>\n</table>\n"
        if rijen.isEmpty { pagina += "<p>Geen dossiers op deze peildatum.</p>\n" }
        pagina += HTMLPage.einde
        return pagina
    }

    // MARK: Helpers

    private static let kolommen = ["Kenmerk", "Titel", "Vakdepartement", "Fase", "Laatste mijlpaal", "VNG", "IPO", "UvW",
                                   "UDO", "Geadviseerde laag", "Gekozen laag", "Kamerstukken", "Archief"]

    private var peildatumWeergave: String {
        Kalenderdatum(peildatum).map(\.voluit) ?? peildatum
    }

    private static func menselijkeVelden(_ rij: StandVanZakenRij) -> [String] {
        var gekozen = rij.gekozenBestuurslaag?.weergave ?? "–"
        if rij.afwijkingVanAdvies { gekozen += " (wijkt af van advies)" }
        return [
            rij.kenmerk.description, rij.titel, rij.vakdepartement, rij.fase.weergave,
            AmsterdamseTijd.kalenderdatum(van: rij.laatsteMijlpaal).voluit,
            rij.reactie(van: .VNG).weergave, rij.reactie(van: .IPO).weergave, rij.reactie(van: .UvW).weergave,
            rij.udo.weergave, rij.geadviseerdeBestuurslaag?.weergave ?? "–", gekozen,
            rij.kamerstukken.isEmpty ? "–" : rij.kamerstukken.joined(separator: ", "),
            rij.archiefnominatie.map { "\($0.weergave), \(rij.archiefactiedatum.map(\.voluit) ?? "")" } ?? "–",
        ]
    }

    /// One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (it starts
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` in front, as OWASP advises
    /// against CSV injection, so it shows as the text it is.
    public static func csvVeld(_ veld: String) -> String {
        var veld = veld
        if let eerste = veld.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(eerste) {
            veld = "'" + veld
        }
        guard veld.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return veld }
        return "\"" + veld.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func markdownVeld(_ veld: String) -> String {
        veld.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

}
