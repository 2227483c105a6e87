import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// Every reader of client input, fed arbitrary input: it returns a value or field problems, never
/// traps, and what it returns keeps its promises.
@Suite("Parsers of client input never trap")
struct InvoerEigenschapTests {
    /// Characters that make parsers work: digits and separators of dates, signs, letters of every
    /// kind, control characters, combining marks, white space of Unicode.
    static let alfabet: [Unicode.Scalar] = Array("0123456789-:TtZz+.W\"* ,;=/aAéß€😀".unicodeScalars)
        + [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0xA0, 0x0301, 0x2028, 0x3000, 0xFEFF].compactMap(Unicode.Scalar.init)

    static let tekst = Gen.int(in: 0...(alfabet.count - 1)).array(of: 0...30).map { indices in
        String(String.UnicodeScalarView(indices.map { alfabet[$0] }))
    }

    /// Text that looks like a date or date-time, digits in the right places more often than not.
    static let datumAchtig = Gen.int(in: 0...99_999).array(of: 7...7).map { delen in
        let scheiders = ["-", "-", "T", ":", ":", "Z"]
        var uit = String(format: "%04d", delen[0] % 10_000 + (delen[0] > 90_000 ? 10_000 : 0))
        for (index, deel) in delen.dropFirst().enumerated() {
            uit += (deel % 17 == 0 ? "x" : scheiders[index]) + String(format: "%02d", deel % 70)
        }
        return String(uit.prefix(10 + delen[6] % 12))
    }

    @Test func aPeildatumIsNilOrAMomentWithinTheStoresRange() async {
        await propertyCheck(count: 2000, input: Gen.oneOf(Self.tekst, Self.datumAchtig)) { tekst in
            guard let peildatum = Peildatum(tekst) else { return }
            #expect(peildatum.moment.timeIntervalSince1970 >= 0)
            #expect(peildatum.moment < Date(timeIntervalSince1970: 253_402_300_800 + 2 * 86_400), "\(tekst)")
            #expect(peildatum.tekst == tekst)
        }
    }

    @Test func aDateThatParsesPrintsAsItWasWritten() async {
        await propertyCheck(count: 2000, input: Gen.oneOf(Self.tekst, Self.datumAchtig)) { tekst in
            guard let datum = Kalenderdatum(tekst) else { return }
            #expect(datum.description == tekst)
            #expect(AmsterdamseTijd.eindeVan(datum) > AmsterdamseTijd.beginVan(datum))
        }
    }

    @Test func everyInstantSurvivesItsRFC3339Rendering() async {
        await propertyCheck(count: 500, input: Gen.int(in: -2_000_000_000...253_402_300_799)) { seconden in
            let moment = Date(timeIntervalSince1970: TimeInterval(seconden))
            #expect(Peildatum.rfc3339(Peildatum.iso8601(moment)) == moment)
        }
    }

    @Test func textRulesAgreeWithEachOther() async {
        await propertyCheck(count: 2000, input: Self.tekst) { tekst in
            let probleem = Tekstregels.probleem(in: tekst)
            #expect((probleem == nil) == !tekst.unicodeScalars.contains { Tekstregels.isVerboden($0) })
            let veilig = Tekstregels.onschadelijk(tekst)
            #expect(!veilig.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x9B || $0.value == 0 })
            #expect(Tekstregels.lengte(tekst) == tekst.unicodeScalars.count)
            if Tekstregels.isLeeg(tekst) { #expect(tekst.unicodeScalars.allSatisfy { Tekstregels.witruimte.contains($0) }) }
        }
    }

    /// A random JSON value: objects with the field names commands know, values of every kind.
    static let velden = ["titel", "omschrijving", "vakdepartement", "soort", "nieuweTaak", "aanleiding", "wettelijkeGrondslag",
                         "koepels", "termijn", "koepel", "standpunt", "toelichting", "kenmerk", "taakkenmerken", "schaal",
                         "beleidsvrijheid", "sturingVakdepartement", "waterbeheer", "specifiekBeleidsterrein", "samenwerking",
                         "congruenteRegioIndeling", "structureleKosten", "incidenteleKosten", "dekking", "uitkomst",
                         "samenvatting", "vindplaats", "bestuurslaag", "motivering", "nummer", "datum", "reden", "onbekend"]
    static let waarden: [JSONValue] = [
        .null, .bool(true), .bool(false), .integer(0), .integer(-1), .integer(Int64.max), .number(1.5), .string(""),
        .string("  "), .string("taak"), .string("VNG"), .string("lokaal"), .string("veel"), .string("geen"), .string("motie"),
        .string("2026-03-01"), .string("9999-12-31"), .string("10000-01-01"), .string("33047-43"), .string("a\u{0}b"),
        .string(String(repeating: "x", count: 301)), .string("instemmend"), .string("provincie"), .string("uitvoerbaar"),
        .array([]), .array([.string("VNG"), .string("VNG")]), .array([.string("IPO"), .integer(3)]), .object([:]),
        .object(["schaal": .string("regionaal"), "beleidsvrijheid": .string("weinig")]),
    ]

    static let lichaam = Gen.int(in: 0...10_000).array(of: 0...12).map { getallen -> JSONValue in
        if getallen.first == 7 { return waarden[getallen.count % waarden.count] }
        var object: [String: JSONValue] = [:]
        for getal in getallen {
            object[velden[getal % velden.count]] = waarden[(getal / velden.count) % waarden.count]
        }
        return .object(object)
    }

    @Test func everyCommandParsesToACommandOrFieldProblems() async {
        await propertyCheck(count: 3000, input: Self.lichaam, Gen.int(in: 0...(DossierCommandKind.allCases.count - 1)), Self.tekst) {
            body, soort, ronde in
            let kind = DossierCommandKind.allCases[soort]
            switch DossierCommand.parse(kind, body: body, pad: ["ronde": ronde, "id": ronde]) {
            case .success(let command):
                #expect(command.kind == kind)
                let actor = Actor(naam: "Eigenschap", hoedanigheid: .coordinator)
                // Deciding on any state never traps either; a refusal is a DomainError.
                _ = try? Beslissing.decide(nil, command, by: actor, at: Date(), kenmerk: Kenmerk(jaar: 2026, volgnummer: 1))
            case .failure(let invalid):
                #expect(!invalid.problems.isEmpty)
                #expect(invalid.problems.allSatisfy { !$0.name.isEmpty && !$0.reason.isEmpty })
            }
        }
    }

    @Test func aKenmerkThatParsesPrintsAsItWasWritten() async {
        await propertyCheck(count: 1000, input: Gen.oneOf(Self.tekst, Self.datumAchtig.map { "TT-" + $0 })) { tekst in
            guard let kenmerk = Kenmerk(tekst) else { return }
            #expect(kenmerk.description == tekst)
        }
    }

    @Test func queryAndFormValuesAreReadOrReportedPerName() async {
        let namen = ["fase", "page", "peildatum", "van", "onbekend"]
        await propertyCheck(count: 1500, input: Gen.int(in: 0...4).array(of: 0...6), Self.tekst) { indices, waarde in
            let paren = indices.map { (namen[$0], waarde) }
            var lezer = ParameterReader(paren, bekend: ["fase", "page", "peildatum", "van"])
            let fase = lezer.keuze("fase", Fase.self)
            let page = lezer.geheelGetal("page", in: 1...1000)
            let peildatum = lezer.peildatum()
            let van = lezer.datum("van")
            if let fase { #expect(fase.rawValue == waarde) }
            if let page { #expect(Int(waarde) == page, "a page is the number written, leading zeros and all") }
            if let peildatum { #expect(peildatum.tekst == waarde) }
            if let van { #expect(van.description == waarde) }
            let genoemd = Set(indices.map { namen[$0] })
            #expect(lezer.problemen.allSatisfy { genoemd.contains($0.name) }, "a problem names a parameter that was sent")
            #expect(lezer.problemen.contains { $0.name == "onbekend" } == genoemd.contains("onbekend"))
        }
    }
}
