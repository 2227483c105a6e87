/// The one escaping of text for HTML and XML (reports, e-mail, the e-Depot's MDTO sidecars, the kept
/// verklaring van vernietiging): the five characters markup gives meaning, as entities.
public enum HTMLEscaping {
    /// `tekst` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and in quoted attributes.
    public static func escape(_ tekst: String) -> String {
        var uit = ""
        uit.reserveCapacity(tekst.utf8.count)
        for teken in tekst {
            switch teken {
            case "&": uit += "&amp;"
            case "<": uit += "&lt;"
            case ">": uit += "&gt;"
            case "\"": uit += "&quot;"
            case "'": uit += "&#39;"
            default: uit.append(teken)
            }
        }
        return uit
    }
}
