import Foundation
import DomainTestSupport
import Testing
@testable import Taaktoedeling

@Suite struct InvoerTests {
    static func json(_ tekst: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(tekst.utf8))
    }

    static func problemen(_ kind: DossierCommandKind, _ body: String, pad: [String: String] = [:]) throws -> [FieldProblem] {
        switch DossierCommand.parse(kind, body: try json(body), pad: pad) {
        case .success(let command): Issue.record("expected problems, got \(command)"); return []
        case .failure(let fout): return fout.problems
        }
    }

    @Test func aValidOpeningBodyParses() throws {
        let id = UUID()
        let result = DossierCommand.parse(.openen, body: try Self.json("""
            {"titel":"Wet X","omschrijving":"Taak","vakdepartement":"BZK","soort":"bevoegdheid","nieuweTaak":false,"aanleiding":"motie","wettelijkeGrondslag":"art. 1"}
            """), pad: ["id": id.uuidString])
        #expect(result == .success(.openen(id: id, voorstel: Voorstel(titel: "Wet X", omschrijving: "Taak", vakdepartement: "BZK", soort: .bevoegdheid, nieuweTaak: false, aanleiding: .motie, wettelijkeGrondslag: "art. 1"))))
    }

    @Test func everyProblemOfAnOpeningBodyIsReportedAtOnce() throws {
        let problemen = try Self.problemen(.openen, """
            {"titel":"","omschrijving":42,"soort":"wet","nieuweTaak":false,"extra":true}
            """)
        #expect(problemen == [
            FieldProblem(name: "titel", reason: "mag niet leeg zijn"),
            FieldProblem(name: "omschrijving", reason: "moet een tekst zijn (gevonden: een getal)"),
            FieldProblem(name: "vakdepartement", reason: "is verplicht"),
            FieldProblem(name: "soort", reason: "onbekende waarde \"wet\"; toegestaan: taak, bevoegdheid"),
            FieldProblem(name: "aanleiding", reason: "is verplicht"),
            FieldProblem(name: "extra", reason: "is geen bekend veld"),
        ])
    }

    @Test func aBodyThatIsNotAnObjectIsReported() throws {
        #expect(try Self.problemen(.trekIn, "[1]") == [FieldProblem(name: "body", reason: "moet een JSON-object zijn (gevonden: een lijst)")])
    }

    @Test func nullCountsAsMissing() throws {
        #expect(try Self.problemen(.trekIn, #"{"reden":null}"#) == [FieldProblem(name: "reden", reason: "is verplicht")])
    }

    @Test func consultationProblemsNameTheListElementAndTheDate() throws {
        let problemen = try Self.problemen(.openConsultatie, #"{"koepels":["VNG","GGD",3],"termijn":"2026-02-30"}"#)
        #expect(problemen.map(\.name) == ["koepels[1]", "koepels[2]", "termijn"])
        #expect(problemen[2].reason == "is geen geldige datum: \"2026-02-30\" (verwacht JJJJ-MM-DD, jaar 0001 tot en met 9999)")
    }

    @Test func anEmptyOrRepeatedKoepelListIsReported() throws {
        #expect(try Self.problemen(.openConsultatie, #"{"koepels":[],"termijn":"2026-04-01"}"#).map(\.reason) == ["mag niet leeg zijn"])
        #expect(try Self.problemen(.openConsultatie, #"{"koepels":["VNG","VNG"],"termijn":"2026-04-01"}"#).map(\.reason) == ["noemt een koepel meer dan eens"])
    }

    @Test func aReactieNeedsAValidRoundFromThePath() throws {
        let problemen = try Self.problemen(.dienReactieIn, #"{"standpunt":"ja","toelichting":"  "}"#, pad: ["ronde": "nul"])
        #expect(problemen.map(\.name) == ["ronde", "standpunt", "toelichting"])
    }

    @Test func aReactieParsesWithRoundAndOptionalKoepel() throws {
        let result = DossierCommand.parse(.dienReactieIn, body: try Self.json(#"{"standpunt":"bezwaar","toelichting":"Nee.","koepel":"UvW"}"#), pad: ["ronde": "2"])
        #expect(result == .success(.dienReactieIn(ronde: 2, koepel: .UvW, standpunt: .bezwaar, toelichting: "Nee.", kenmerk: nil)))
    }

    @Test func taakkenmerkenAreCheckedFieldByField() throws {
        let problemen = try Self.problemen(.legToetsingVast, """
            {"taakkenmerken":{"schaal":"lokaal","beleidsvrijheid":"enorm","waterbeheer":"nee","congruenteRegioIndeling":true,"kleur":"rood"},"toelichting":5}
            """)
        #expect(problemen == [
            FieldProblem(name: "taakkenmerken.beleidsvrijheid", reason: "onbekende waarde \"enorm\"; toegestaan: veel, weinig"),
            FieldProblem(name: "taakkenmerken.waterbeheer", reason: "moet true of false zijn (gevonden: een tekst)"),
            FieldProblem(name: "taakkenmerken.samenwerking", reason: "is verplicht"),
            FieldProblem(name: "taakkenmerken.congruenteRegioIndeling", reason: "geldt alleen bij schaal regionaal"),
            FieldProblem(name: "taakkenmerken.kleur", reason: "is geen bekend veld"),
            FieldProblem(name: "toelichting", reason: "moet een tekst zijn (gevonden: een getal)"),
        ])
    }

    @Test func anAdviceRequestParsesTaakkenmerkenWithDefaults() throws {
        let result = Afwegingskader.parseVerzoek(body: try Self.json(#"{"taakkenmerken":{"schaal":"regionaal","beleidsvrijheid":"veel","samenwerking":"verplicht","congruenteRegioIndeling":false}}"#))
        #expect(result == .success(Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, samenwerking: .verplicht, congruenteRegioIndeling: false)))
        guard case .failure(let fout) = Afwegingskader.parseVerzoek(body: try Self.json(#"{"kenmerken":{}}"#)) else {
            Issue.record("expected problems"); return
        }
        #expect(fout.problems.map(\.name) == ["taakkenmerken", "kenmerken"])
    }

    @Test func financialAmountsMustBeWholeEuros() throws {
        let problemen = try Self.problemen(.legFinancieleGevolgenVast, #"{"structureleKosten":1.5,"incidenteleKosten":"10","dekking":"x","toelichting":"y"}"#)
        #expect(problemen.map(\.name) == ["structureleKosten", "incidenteleKosten"])
        #expect(problemen.allSatisfy { $0.reason.hasPrefix("moet een geheel getal zijn") })
    }

    @Test func aDecisionNeedsAKnownLayerAndAMotivering() throws {
        let problemen = try Self.problemen(.legBesluitVast, #"{"bestuurslaag":"regio"}"#)
        #expect(problemen.map(\.name) == ["bestuurslaag", "motivering"])
    }

    @Test func aKamerstukNeedsANumberTitleAndDate() throws {
        let problemen = try Self.problemen(.koppelKamerstuk, #"{"nummer":"abc","titel":"Brief","datum":"10-03-2026"}"#)
        #expect(problemen.map(\.name) == ["datum"])
        let alleen = try Self.problemen(.koppelKamerstuk, #"{"nummer":"abc","titel":"Brief","datum":"2026-03-10"}"#)
        #expect(alleen.map(\.name) == ["nummer"])
    }

    @Test(arguments: ["33047-43", "35925-VII-136", "29362-372"])
    func realKamerstukNumbersAreAccepted(_ nummer: String) {
        #expect(DossierCommand.isKamerstuknummer(nummer))
    }

    @Test(arguments: ["33047", "-43", "33047--43", "kamer-1", "33047-4 3"])
    func malformedKamerstukNumbersAreRefused(_ nummer: String) {
        #expect(!DossierCommand.isKamerstuknummer(nummer))
    }

    /// The byte reader answers as the check over Characters it replaced, on random texts made of
    /// digits, letters, dashes, other ASCII, letters outside ASCII and combining marks.
    @Test func theKamerstukNumberCheckAnswersAsTheCharacterCheckItReplaced() {
        func overCharacters(_ nummer: String) -> Bool {
            let delen = nummer.split(separator: "-", omittingEmptySubsequences: false)
            guard delen.count >= 2, delen.count <= 4, let eerste = delen.first,
                  !eerste.isEmpty, eerste.count <= 8, eerste.allSatisfy(\.isASCIIDigit)
            else { return false }
            return delen.dropFirst().allSatisfy { deel in
                !deel.isEmpty && deel.count <= 10 && deel.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
        }
        let stukken: [String] = ["0", "3", "9", "a", "Z", "k", "-", "-", "-", " ", "@", "[", "`", "{", "/", ":", "é", "\u{301}", "\r\n", "٣", "Ⅶ", "ß"]
        var random = SplitMix64(seed: 24)
        var accepted = 0
        for _ in 0..<20_000 {
            var nummer = ""
            for _ in 0..<(1 + random.next(18)) {
                // Mostly digits, letters and dashes, so that many texts are valid numbers.
                let index = random.next(4) == 0 ? Int(random.next(UInt64(stukken.count))) : Int(random.next(9))
                nummer += stukken[index]
            }
            let expected = overCharacters(nummer)
            if expected { accepted += 1 }
            #expect(DossierCommand.isKamerstuknummer(nummer) == expected, "\(nummer.debugDescription)")
        }
        #expect(accepted > 100)
    }

    @Test func aChangeWithoutFieldsIsReported() throws {
        #expect(try Self.problemen(.wijzigVoorstel, "{}") == [FieldProblem(name: "body", reason: "bevat geen enkel veld om te wijzigen")])
    }

    @Test func closingNeedsOnlyTheRound() throws {
        #expect(DossierCommand.parse(.sluitConsultatie, body: .object([:]), pad: ["ronde": "1"]) == .success(.sluitConsultatie(ronde: 1)))
        #expect(try Self.problemen(.sluitConsultatie, #"{"x":1}"#, pad: ["ronde": "1"]).map(\.name) == ["x"])
    }

    @Test func everyKindReportsAnUnknownField() throws {
        for kind in DossierCommandKind.allCases {
            let problemen = try Self.problemen(kind, #"{"onbekendVeld":true}"#, pad: ["ronde": "1"])
            #expect(problemen.contains(FieldProblem(name: "onbekendVeld", reason: "is geen bekend veld")), "\(kind)")
        }
    }

    @Test func overlongTitlesAreReported() throws {
        let lang = String(repeating: "a", count: DossierCommand.maximaleTitellengte + 1)
        let problemen = try Self.problemen(.openen, #"{"titel":"\#(lang)","omschrijving":"o","vakdepartement":"v","soort":"taak","nieuweTaak":true}"#)
        #expect(problemen == [FieldProblem(name: "titel", reason: "is te lang (maximaal 300 tekens)")])
    }
}
