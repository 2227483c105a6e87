import Foundation
import Testing
import Rapportage
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct RapportageTests {
    static func rapport() throws -> StandVanZaken {
        var besloten = try #require(try Startpunt.besloten.verloop().state)
        besloten.kenmerk = Kenmerk(jaar: 2026, volgnummer: 2)!
        besloten.titel = "Wet \"regio's\", deel 1 | 2\nmet <b>opmaak</b> & meer"
        var open = try #require(try Startpunt.rondeOpen.verloop().state)
        open.kenmerk = Kenmerk(jaar: 2025, volgnummer: 17)!
        return StandVanZaken(peildatum: Peildatum("2026-06-01")!, dossiers: [besloten, open])
    }

    @Test func rowsAreSortedByKenmerk() throws {
        #expect(try Self.rapport().rijen.map(\.kenmerk.description) == ["TT-2025-0017", "TT-2026-0002"])
    }

    @Test func aRowCarriesTheColumnsOfTheReport() throws {
        let rij = try #require(try Self.rapport().rijen.last)
        #expect(rij.fase == .besloten)
        #expect(rij.reacties.map(\.stand) == [.ontvangen, .ontvangen, .nietUitgenodigd])
        #expect(rij.udo == .uitvoerbaarMetVoorwaarden)
        #expect(rij.geadviseerdeBestuurslaag == .provincie)
        #expect(rij.gekozenBestuurslaag == .provincie)
        #expect(rij.laatsteMijlpaal == Fixtures.dag(60))
        let open = try #require(try Self.rapport().rijen.first)
        #expect(open.reacties.map(\.stand) == [.ontbreekt, .ontbreekt, .nietUitgenodigd])
        #expect(open.udo == .nietAangevraagd)
        #expect(open.gekozenBestuurslaag == nil)
    }

    @Test func aLateReactieShowsAsLate() throws {
        var verloop = try Startpunt.rondeOpen.verloop()
        try verloop.voer(.dienReactieIn(ronde: 1, koepel: nil, standpunt: .bezwaar, toelichting: "Laat.", kenmerk: nil), door: Fixtures.ipo, op: Fixtures.dag(30))
        #expect(StandVanZakenRij(dossier: try #require(verloop.state)).reactie(van: .IPO) == .teLaat)
    }

    @Test func csvQuotesFieldsWithCommasQuotesAndLineBreaks() throws {
        let csv = try Self.rapport().csv()
        let regels = csv.components(separatedBy: "\r\n")
        #expect(regels.first == "kenmerk,titel,vakdepartement,fase,laatsteMijlpaal,reactieVNG,reactieIPO,reactieUvW,udo,geadviseerdeBestuurslaag,gekozenBestuurslaag,afwijkingVanAdvies,kamerstukken,archiefnominatie,archiefactiedatum")
        #expect(csv.contains("TT-2026-0002,\"Wet \"\"regio's\"\", deel 1 | 2\nmet <b>opmaak</b> & meer\",EZK,besloten,2026-04-30T09:00:00Z,ontvangen,ontvangen,nietUitgenodigd,uitvoerbaarMetVoorwaarden,provincie,provincie,nee,,,\r\n"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func csvLeavesPlainFieldsUnquoted() {
        #expect(StandVanZaken.csvVeld("gewoon") == "gewoon")
        #expect(StandVanZaken.csvVeld("a,b") == "\"a,b\"")
        #expect(StandVanZaken.csvVeld("regel\r\nnieuw") == "\"regel\r\nnieuw\"")
        // A cell a spreadsheet would run as a formula shows as text (OWASP CSV injection).
        #expect(StandVanZaken.csvVeld("=HYPERLINK(\"http://x\",\"klik\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"")
        for gevaarlijk in ["+1", "-1+1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(StandVanZaken.csvVeld(gevaarlijk).hasPrefix("'") || StandVanZaken.csvVeld(gevaarlijk).hasPrefix("\"'"), "\(gevaarlijk)")
        }
        #expect(StandVanZaken.csvVeld("TT-2026-0001") == "TT-2026-0001")
    }

    @Test func markdownEscapesPipesAndKeepsOneLinePerRow() throws {
        let markdown = try Self.rapport().markdown()
        #expect(markdown.hasPrefix("## Stand van zaken taaktoedeling per 1 juni 2026\n\n| Kenmerk | Titel |"))
        #expect(markdown.contains("| TT-2026-0002 | Wet \"regio's\", deel 1 \\| 2 met &lt;b>opmaak&lt;/b> & meer | EZK | besloten | 30 april 2026 | ontvangen | ontvangen | niet uitgenodigd | uitvoerbaar met voorwaarden | provincie | provincie | – | – |\n"))
        let tabelregels = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tabelregels.count == 4)
        #expect(StandVanZaken.markdownVeld("a\\|b") == "a\\\\\\|b")
    }

    @Test func htmlIsAStandalonePrintablePageWithEverythingEscaped() throws {
        let html = try Self.rapport().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<td>Wet &quot;regio&#39;s&quot;, deel 1 | 2\nmet &lt;b&gt;opmaak&lt;/b&gt; &amp; meer</td>"))
        #expect(!html.contains("<b>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func everyRenderingIsByteIdenticalWhenRepeated() throws {
        let eerste = try Self.rapport()
        let tweede = try Self.rapport()
        #expect(try eerste.json() == tweede.json())
        #expect(Data(eerste.csv().utf8) == Data(tweede.csv().utf8))
        #expect(Data(eerste.markdown().utf8) == Data(tweede.markdown().utf8))
        #expect(Data(eerste.html().utf8) == Data(tweede.html().utf8))
        let omgekeerd = StandVanZaken(peildatum: Peildatum("2026-06-01")!, rijen: eerste.rijen.reversed())
        #expect(try omgekeerd.json() == eerste.json())
    }

    @Test func jsonUsesTheAPIFieldNames() throws {
        let json = try JSONDecoder().decode(JSONValue.self, from: try Self.rapport().json())
        guard case .object(let velden) = json, case .array(let rijen) = velden["rijen"], case .object(let rij) = rijen.first else {
            Issue.record("shape"); return
        }
        #expect(velden["peildatum"] == .string("2026-06-01"))
        #expect(rij["kenmerk"] == .string("TT-2025-0017"))
        #expect(rij["laatsteMijlpaal"] == .string("2026-03-02T09:00:00Z"))
    }

    @Test func anEmptyReportSaysSo() {
        let leeg = StandVanZaken(peildatum: Peildatum("2026-01-01")!, rijen: [])
        #expect(leeg.markdown().contains("Geen dossiers op deze peildatum."))
        #expect(leeg.csv().components(separatedBy: "\r\n").count == 2)
    }

    @Test func theEvaluationOverviewCountsLayersDeviationsAndResponseTimes() throws {
        let besloten = try #require(try Startpunt.besloten.verloop().state)
        var afwijkend = try Startpunt.getoetstDecentraal.verloop()
        try afwijkend.voer(.legBesluitVast(bestuurslaag: .rijk, motivering: "Uniformiteit."), op: Fixtures.dag(30))
        var bestaand = try #require(try afwijkend.state)
        bestaand.kenmerk = Kenmerk(jaar: 2026, volgnummer: 3)!
        bestaand.nieuweTaak = false
        bestaand.aanleiding = .wetsevaluatie
        let overzicht = Evaluatieoverzicht(dossiers: [besloten, bestaand])
        #expect(overzicht.aantalDossiers == 2)
        #expect(overzicht.nieuweTaken == 1)
        #expect(overzicht.bestaandeTakenPerAanleiding["wetsevaluatie"] == 1)
        #expect(overzicht.perGeadviseerdeBestuurslaag.first { $0.bestuurslaag == .provincie }?.aantal == 2)
        #expect(overzicht.perGekozenBestuurslaag.first { $0.bestuurslaag == .rijk }?.aantal == 1)
        #expect(overzicht.afwijkingenVanAdvies == [Kenmerk(jaar: 2026, volgnummer: 3)!])
        #expect(overzicht.udosAfgerond["uitvoerbaarMetVoorwaarden"] == 1)
        #expect(overzicht.aantalReacties == 3)
        #expect(overzicht.gemiddeldeReactietijdDagen == 1.3)
        #expect(overzicht.mediaanReactietijdDagen == 1.0)
    }
}
