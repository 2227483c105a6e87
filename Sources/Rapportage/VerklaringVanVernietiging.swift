import Dossiers
import Foundation
import Taaktoedeling

/// The verklaring van vernietiging of an approved vernietigingslijst: which dossiers were destroyed,
/// on whose proposal and approval, when, and what remains of each (its tombstone). Rendered once at
/// approval and kept as it was; as a printable HTML page and as CSV.
public enum VerklaringVanVernietiging {
    public static let kolommen = ["Kenmerk", "Titel", "Selectielijstcategorie", "Brondatum", "Archiefactiedatum", "Vernietigd op"]

    /// Both renderings of the list.
    @Sendable public static func render(_ lijst: Vernietigingslijst) -> (html: String, csv: String) {
        (html(lijst), csv(lijst))
    }

    static func moment(_ datum: Date?) -> String {
        guard let datum else { return "" }
        return AmsterdamseTijd.kalenderdatum(van: datum).description + " " + tijd(datum)
    }

    static func tijd(_ datum: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let delen = calendar.dateComponents([.hour, .minute], from: datum)
        return String(format: "%02d:%02d", delen.hour ?? 0, delen.minute ?? 0)
    }

    static func velden(_ regel: Vernietigingslijst.Regel) -> [String] {
        [regel.kenmerk, regel.titel, regel.categorie, regel.brondatum.description, regel.archiefactiedatum.description, moment(regel.vernietigdOp)]
    }

    public static func html(_ lijst: Vernietigingslijst) -> String {
        let h = HTMLEscaping.escape
        var pagina = HTMLPage.begin(titel: "Verklaring van vernietiging", stijl: """
        body { font-family: "RijksoverheidSansText", Verdana, sans-serif; font-size: 10pt; margin: 2em; color: #000; }
        h1 { font-size: 14pt; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #666; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #e6e6e6; }
        dl div { display: flex; gap: 1em; } dt { font-weight: bold; min-width: 14em; }
        @media print { @page { size: A4 landscape; margin: 1.5cm; } body { margin: 0; } thead { display: table-header-group; } }
        """)
        pagina += """
        <p>Hierbij wordt verklaard dat de hieronder genoemde dossiers van Toedeling zijn vernietigd volgens de Archiefwet en de selectielijst: \
        hun teksten en de inhoud van hun documenten zijn onleesbaar gemaakt of verwijderd. Van elk dossier blijven alleen het kenmerk, \
        de titel, de selectielijstcategorie en de datums bewaard.</p>
        <dl>
        <div><dt>Vernietigingslijst</dt><dd>\(h(lijst.id.uuidString.lowercased()))</dd></div>
        <div><dt>Voorgesteld door</dt><dd>\(h(lijst.voorstellerNaam)) op \(h(moment(lijst.voorgesteldOp)))</dd></div>
        <div><dt>Goedgekeurd door</dt><dd>\(h(lijst.beoordelaarNaam ?? "")) op \(h(moment(lijst.beoordeeldOp)))</dd></div>
        <div><dt>Aantal dossiers</dt><dd>\(lijst.dossiers.count)</dd></div>
        </dl>

        """
        pagina += "<table>\n<thead>\n<tr>" + kolommen.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for regel in lijst.dossiers {
            pagina += "<tr>" + velden(regel).map { "<td>\(h($0))</td>" }.joined() + "</tr>\n"
        }
        pagina += "</tbody>\n</table>\n" + HTMLPage.einde
        return pagina
    }

    public static func csv(_ lijst: Vernietigingslijst) -> String {
        let kop = (["Vernietigingslijst", "Voorgesteld door", "Goedgekeurd door", "Goedgekeurd op"] + kolommen).map(StandVanZaken.csvVeld)
        var tekst = kop.joined(separator: ",") + "\r\n"
        for regel in lijst.dossiers {
            let vooraf = [lijst.id.uuidString.lowercased(), lijst.voorstellerNaam, lijst.beoordelaarNaam ?? "", moment(lijst.beoordeeldOp)]
            tekst += (vooraf + velden(regel)).map(StandVanZaken.csvVeld).joined(separator: ",") + "\r\n"
        }
        return tekst
    }
}
