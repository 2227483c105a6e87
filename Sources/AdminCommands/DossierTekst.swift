import Foundation
import Taaktoedeling

/// A dossier as readable text with Dutch labels, for `dossier show`.
enum DossierTekst {
    static func volledig(_ dossier: Dossier) -> String {
        var tekst = "Dossier \(dossier.kenmerk) — \(dossier.titel)\n\n"
        tekst += velden([
            ("Id", dossier.id.uuidString.lowercased()),
            ("Omschrijving", dossier.omschrijving),
            ("Vakdepartement", dossier.vakdepartement),
            ("Soort", "\(dossier.soort.rawValue) (\(dossier.nieuweTaak ? "nieuw" : "bestaand"))"),
            ("Aanleiding", dossier.aanleiding?.weergave ?? "–"),
            ("Wettelijke grondslag", dossier.wettelijkeGrondslag ?? "–"),
            ("Fase", dossier.fase.weergave),
            ("Versie", String(dossier.versie)),
            ("Geopend op", Tijdweergave.moment(dossier.geopendOp)),
            ("Bijgewerkt op", Tijdweergave.moment(dossier.bijgewerktOp)),
        ])
        tekst += sectie("Consultaties", dossier.consultaties.flatMap(consultatie))
        tekst += sectie("Toetsing", dossier.toetsing.map(toetsing) ?? [])
        tekst += sectie("Financiële gevolgen", dossier.financieleGevolgen.map(financieleGevolgen) ?? [])
        tekst += sectie("UDO", dossier.udo.map(udo) ?? [])
        tekst += sectie("Besluit", dossier.besluit.map(besluit) ?? [])
        tekst += sectie("Kamerstukken", dossier.kamerstukken.map { "\($0.nummer) „\($0.titel)” van \($0.datum.voluit), gekoppeld op \(Tijdweergave.moment($0.gekoppeldOp))" })
        tekst += sectie("Intrekking", dossier.intrekking.map { ["ingetrokken op \(Tijdweergave.moment($0.ingetrokkenOp)): \($0.reden)"] } ?? [])
        tekst += sectie("Heropeningen", dossier.heropeningen.map {
            "heropend op \(Tijdweergave.moment($0.heropendOp)) (aanleiding: \($0.aanleiding.weergave)): \($0.toelichting)"
        })
        return tekst
    }

    // MARK: Parts

    private static func consultatie(_ ronde: Consultatie) -> [String] {
        var regels = [
            "Ronde \(ronde.ronde) (\(ronde.status.rawValue)) voor \(ronde.koepels.map(\.rawValue).joined(separator: ", ")), "
                + "termijn tot en met \(ronde.termijn.voluit), geopend op \(Tijdweergave.moment(ronde.geopendOp))"
                + (ronde.geslotenOp.map { ", gesloten op \(Tijdweergave.moment($0))" } ?? ""),
        ]
        for reactie in ronde.reacties {
            let laat = reactie.teLaat ? ", te laat" : ""
            let kenmerk = reactie.kenmerk.map { ", kenmerk \($0)" } ?? ""
            regels.append("  \(reactie.koepel.rawValue): \(reactie.standpunt.weergave) (ingediend op \(Tijdweergave.moment(reactie.ingediendOp))\(laat)\(kenmerk)): \(reactie.toelichting)")
        }
        let ontbrekend = ronde.koepels.filter { ronde.reactie(van: $0) == nil }
        if !ontbrekend.isEmpty {
            regels.append("  nog geen reactie van \(ontbrekend.map(\.rawValue).joined(separator: ", "))")
        }
        return regels
    }

    private static func toetsing(_ toetsing: Toetsing) -> [String] {
        let advies = toetsing.advies
        var regels = [
            "vastgelegd op \(Tijdweergave.moment(toetsing.vastgelegdOp))",
            "advies: \(advies.bestuurslaag.weergave)"
                + (advies.alternatieven.isEmpty ? "" : "; alternatieven: \(advies.alternatieven.map(\.weergave).joined(separator: ", "))"),
            "regels: \(advies.regels.map(\.id).joined(separator: ", "))",
            "UDO vereist: \(advies.udoVereist ? "ja" : "nee")",
        ]
        regels += advies.waarschuwingen.map { "waarschuwing: \($0)" }
        if let toelichting = toetsing.toelichting { regels.append("toelichting: \(toelichting)") }
        return regels
    }

    private static func financieleGevolgen(_ gevolgen: FinancieleGevolgen) -> [String] {
        [
            "structureel \(Tijdlijn.bedrag(gevolgen.structureleKosten)) per jaar, incidenteel \(Tijdlijn.bedrag(gevolgen.incidenteleKosten))",
            "dekking: \(gevolgen.dekking)",
            "toelichting: \(gevolgen.toelichting)",
            "vastgelegd op \(Tijdweergave.moment(gevolgen.vastgelegdOp))",
        ]
    }

    private static func udo(_ udo: Udo) -> [String] {
        var regels = ["aangevraagd op \(Tijdweergave.moment(udo.aangevraagdOp))" + (udo.termijn.map { ", termijn \($0.voluit)" } ?? "") + ": \(udo.toelichting)"]
        if let uitkomst = udo.uitkomst {
            regels.append("uitkomst: \(uitkomst.weergave)" + (udo.afgerondOp.map { " (afgerond op \(Tijdweergave.moment($0)))" } ?? ""))
        } else {
            regels.append("uitkomst: nog niet bekend")
        }
        if let samenvatting = udo.samenvatting { regels.append("samenvatting: \(samenvatting)") }
        if let vindplaats = udo.vindplaats { regels.append("vindplaats: \(vindplaats)") }
        return regels
    }

    private static func besluit(_ besluit: Besluit) -> [String] {
        let afwijking = besluit.afwijkingVanAdvies ? " (wijkt af van het advies: \(besluit.geadviseerdeBestuurslaag.weergave))" : ""
        return [
            "belegd bij \(besluit.bestuurslaag.metLidwoord)\(afwijking)",
            "motivering: \(besluit.motivering)",
            "vastgelegd op \(Tijdweergave.moment(besluit.vastgelegdOp))",
        ]
    }

    // MARK: Layout

    private static func velden(_ paren: [(String, String)]) -> String {
        let breedte = paren.map(\.0.count).max() ?? 0
        return paren.map { label, waarde in
            label + ":" + String(repeating: " ", count: breedte - label.count + 1) + eenRegel(waarde)
        }.joined(separator: "\n") + "\n"
    }

    private static func sectie(_ titel: String, _ regels: [String]) -> String {
        "\n\(titel)\n" + (regels.isEmpty ? "  –\n" : regels.map { "  " + eenRegel($0) + "\n" }.joined())
    }

    private static func eenRegel(_ tekst: String) -> String {
        tekst.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
