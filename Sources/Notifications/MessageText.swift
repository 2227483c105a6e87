import Dossiers
import Foundation
import Taaktoedeling

/// The Dutch text of a notification e-mail, as plain text and as HTML. A koepel's message says
/// only what that koepel may see: the dossier it is invited to, its own round and termijn, never
/// another koepel's reactie.
public struct MessageText: Sendable, Equatable {
    /// The subject line.
    public let onderwerp: String
    /// The plain text.
    public let tekst: String
    /// The HTML alternative.
    public let html: String

    /// The message for `kennisgeving` about `dossier` to `naam`; `reactie` is the reactie that
    /// arrived (for the coordinators), `link` the page to open.
    public init(_ kennisgeving: Kennisgeving, dossier: Dossier, naam: String, reactie: Reactie? = nil, link: String) {
        let ronde = dossier.consultaties.first { $0.ronde == kennisgeving.ronde }
        let termijn = ronde?.termijn.voluit ?? "onbekend"
        let titel = "\(dossier.kenmerk) \(dossier.titel)"
        var alineas: [String]
        switch kennisgeving.soort {
        case .uitnodiging:
            onderwerp = "Uitnodiging consultatie: \(titel)"
            alineas = [
                "U bent uitgenodigd voor consultatieronde \(kennisgeving.ronde) over het voorstel \"\(dossier.titel)\" (\(dossier.kenmerk)) van \(dossier.vakdepartement).",
                "De termijn voor uw bestuurlijke reactie loopt tot en met \(termijn).",
            ]
        case .herinnering:
            onderwerp = "Herinnering: reactie gevraagd vóór \(termijn) op \(titel)"
            alineas = [
                "De termijn van consultatieronde \(kennisgeving.ronde) over \"\(dossier.titel)\" (\(dossier.kenmerk)) loopt tot en met \(termijn).",
                "Wij hebben uw bestuurlijke reactie nog niet ontvangen.",
            ]
        case .rondeGesloten:
            onderwerp = "Consultatieronde gesloten: \(titel)"
            alineas = [
                "Consultatieronde \(kennisgeving.ronde) over \"\(dossier.titel)\" (\(dossier.kenmerk)) is gesloten.",
                "De reacties van alle uitgenodigde koepels zijn nu in te zien.",
            ]
        case .reactieOntvangen:
            let koepel = reactie?.koepel.rawValue ?? "Een koepel"
            onderwerp = "Reactie van \(koepel) ontvangen: \(titel)"
            alineas = ["\(koepel) heeft gereageerd in consultatieronde \(kennisgeving.ronde) over \"\(dossier.titel)\" (\(dossier.kenmerk))."]
            if let reactie {
                alineas.append("Standpunt: \(reactie.standpunt.weergave)." + (reactie.teLaat ? " De reactie kwam na de termijn." : ""))
            }
        case .termijnVerstreken:
            onderwerp = "Termijn verstreken zonder alle reacties: \(titel)"
            let ontbrekend = (ronde?.koepels ?? []).filter { ronde?.reactie(van: $0) == nil }.map(\.rawValue)
            alineas = [
                "De termijn van consultatieronde \(kennisgeving.ronde) over \"\(dossier.titel)\" (\(dossier.kenmerk)) is op \(termijn) verstreken.",
                "Nog geen reactie van: \(ontbrekend.joined(separator: ", ")).",
            ]
        }
        let aanhef = "Beste \(naam),"
        let slot = "Dit bericht is automatisch verstuurd door Toedeling (ministerie van BZK). U ontvangt het omdat u een account hebt."
        tekst = ([aanhef] + alineas + ["Bekijk het dossier: \(link)", slot]).joined(separator: "\n\n") + "\n"
        let escaped = alineas.map { "<p>\(HTMLEscaping.escape($0))</p>" }.joined(separator: "\n")
        html = """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>\(HTMLEscaping.escape(onderwerp))</title></head>
            <body>
            <p>\(HTMLEscaping.escape(aanhef))</p>
            \(escaped)
            <p><a href="\(HTMLEscaping.escape(link))">Bekijk het dossier</a></p>
            <p><small>\(HTMLEscaping.escape(slot))</small></p>
            </body></html>

            """
    }
}
