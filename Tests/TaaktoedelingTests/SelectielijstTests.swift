import Foundation
import Testing
@testable import Taaktoedeling

@Suite struct SelectielijstTests {
    @Test func aRetentionPeriodIsAnISODurationAddedToACalendarDate() throws {
        let datum = Kalenderdatum(jaar: 2024, maand: 2, dag: 29)!
        #expect(Bewaartermijn("P10Y")?.na(datum) == Kalenderdatum(jaar: 2034, maand: 2, dag: 28))
        #expect(Bewaartermijn("P1Y6M")?.na(datum) == Kalenderdatum(jaar: 2025, maand: 8, dag: 29))
        #expect(Bewaartermijn("P11M")?.na(Kalenderdatum(jaar: 2026, maand: 3, dag: 31)!) == Kalenderdatum(jaar: 2027, maand: 2, dag: 28))
        #expect(Bewaartermijn("P2W3D")?.na(datum) == Kalenderdatum(jaar: 2024, maand: 3, dag: 17))
        #expect(Bewaartermijn("P0D")?.na(datum) == datum)
        for fout in ["", "P", "10Y", "P10", "PY", "P1D2Y", "P1Y1Y", "PT5H", "P-1Y", "P1.5Y"] {
            #expect(Bewaartermijn(fout) == nil, "\(fout)")
        }
    }

    @Test func aSelectielijstIsCheckedAsAWhole() throws {
        let goed = #"{"categorieen": [{"code": "1", "omschrijving": "Bewaren", "waardering": "blijvendBewaren", "standaardVoor": ["besluitRijk"]}, {"code": "2", "omschrijving": "Weg", "waardering": "vernietigen", "bewaartermijn": "P5Y"}]}"#
        let lijst = try Selectielijst.lees(Data(goed.utf8))
        #expect(lijst.categorie("2")?.bewaartermijn?.jaren == 5)
        let gevallen: [(String, String)] = [
            ("{", "geen geldige JSON"),
            (#"{"categorieen": []}"#, "geen categorieën"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "vernietigen"}]}"#, "geen bewaartermijn"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "blijvendBewaren", "bewaartermijn": "P1Y"}]}"#, "hoort alleen bij vernietigen"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "bewaren"}]}"#, "bewaren"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "vernietigen", "bewaartermijn": "tien jaar"}]}"#, "ISO 8601"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "blijvendBewaren"}, {"code": "1", "omschrijving": "Y", "waardering": "blijvendBewaren"}]}"#, "meer dan eens"),
            (#"{"categorieen": [{"code": "1", "omschrijving": "X", "waardering": "blijvendBewaren", "standaardVoor": ["ingetrokken"]}, {"code": "2", "omschrijving": "Y", "waardering": "blijvendBewaren", "standaardVoor": ["ingetrokken"]}]}"#, "standaard voor ingetrokken"),
        ]
        for (tekst, reden) in gevallen {
            #expect(throws: Selectielijst.ParseError.self) { try Selectielijst.lees(Data(tekst.utf8)) }
            do {
                _ = try Selectielijst.lees(Data(tekst.utf8))
            } catch {
                #expect(error.description.contains(reden), "\(error.description)")
            }
        }
    }
}
