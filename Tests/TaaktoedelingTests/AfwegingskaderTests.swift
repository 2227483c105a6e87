import Foundation
import Testing
@testable import Taaktoedeling

@Suite struct AfwegingskaderTests {
    struct Geval: CustomTestStringConvertible, Sendable {
        let naam: String
        let kenmerken: Taakkenmerken
        let laag: Bestuurslaag
        let alternatieven: [Bestuurslaag]
        let regels: [String]
        let waarschuwingen: Int
        var testDescription: String { naam }
    }

    static let gevallen: [Geval] = [
        Geval(naam: "R1 alone: much freedom, local → gemeente",
              kenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .veel),
              laag: .gemeente, alternatieven: [], regels: ["R1", "R9"], waarschuwingen: 0),
        Geval(naam: "R2 alone: much freedom, regional → provincie, then gemeenschappelijke regeling",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel),
              laag: .provincie, alternatieven: [.gemeenschappelijkeRegeling], regels: ["R2", "R9"], waarschuwingen: 0),
        Geval(naam: "R3 alone: little freedom, regional, voluntary → gemeenschappelijke regeling",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, samenwerking: .vrijwillig),
              laag: .gemeenschappelijkeRegeling, alternatieven: [], regels: ["R3", "R9"], waarschuwingen: 0),
        Geval(naam: "R4 overrides R3: little freedom, regional, mandatory → provincie",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, samenwerking: .verplicht, congruenteRegioIndeling: true),
              laag: .provincie, alternatieven: [.gemeenschappelijkeRegeling], regels: ["R4", "R9"], waarschuwingen: 0),
        Geval(naam: "R4 with non-congruent regions warns",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, samenwerking: .verplicht, congruenteRegioIndeling: false),
              laag: .provincie, alternatieven: [.gemeenschappelijkeRegeling], regels: ["R4", "R9"], waarschuwingen: 1),
        Geval(naam: "R4 with R2 agree on provincie",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, samenwerking: .verplicht),
              laag: .provincie, alternatieven: [.gemeenschappelijkeRegeling], regels: ["R2", "R4", "R9"], waarschuwingen: 0),
        Geval(naam: "R4 puts provincie before R1's gemeente",
              kenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .veel, samenwerking: .verplicht),
              laag: .provincie, alternatieven: [.gemeente], regels: ["R1", "R4", "R9"], waarschuwingen: 0),
        Geval(naam: "R5 alone: little freedom and ministry steering → rijksuitvoeringsorganisatie, no UDO",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, sturingVakdepartement: true),
              laag: .rijksuitvoeringsorganisatie, alternatieven: [], regels: ["R5"], waarschuwingen: 0),
        Geval(naam: "R5 before R4",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, sturingVakdepartement: true, samenwerking: .verplicht, congruenteRegioIndeling: false),
              laag: .rijksuitvoeringsorganisatie, alternatieven: [], regels: ["R5"], waarschuwingen: 0),
        Geval(naam: "R6 adds functioneel bestuur as alternative to R1",
              kenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .veel, specifiekBeleidsterrein: true),
              laag: .gemeente, alternatieven: [.functioneelBestuur], regels: ["R1", "R6", "R9"], waarschuwingen: 0),
        Geval(naam: "R6 after R2's alternative",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, specifiekBeleidsterrein: true),
              laag: .provincie, alternatieven: [.gemeenschappelijkeRegeling, .functioneelBestuur], regels: ["R2", "R6", "R9"], waarschuwingen: 0),
        Geval(naam: "R7 alone: water → waterschap",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, waterbeheer: true),
              laag: .waterschap, alternatieven: [], regels: ["R7", "R9"], waarschuwingen: 0),
        Geval(naam: "R7 before R5",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, sturingVakdepartement: true, waterbeheer: true),
              laag: .waterschap, alternatieven: [], regels: ["R7", "R9"], waarschuwingen: 0),
        Geval(naam: "R8 warns whatever decided",
              kenmerken: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, samenwerking: .semiVerplicht),
              laag: .gemeenschappelijkeRegeling, alternatieven: [], regels: ["R3", "R8", "R9"], waarschuwingen: 1),
        Geval(naam: "R8 with R5",
              kenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .weinig, sturingVakdepartement: true, samenwerking: .semiVerplicht),
              laag: .rijksuitvoeringsorganisatie, alternatieven: [], regels: ["R5", "R8"], waarschuwingen: 1),
        Geval(naam: "no fit: national with much freedom → rijk with warning",
              kenmerken: Taakkenmerken(schaal: .landelijk, beleidsvrijheid: .veel),
              laag: .rijk, alternatieven: [], regels: [], waarschuwingen: 1),
        Geval(naam: "no fit: little freedom at local scale without steering → rijk",
              kenmerken: Taakkenmerken(schaal: .lokaal, beleidsvrijheid: .weinig),
              laag: .rijk, alternatieven: [], regels: [], waarschuwingen: 1),
        Geval(naam: "no fit with R6 keeps functioneel bestuur as alternative",
              kenmerken: Taakkenmerken(schaal: .landelijk, beleidsvrijheid: .veel, specifiekBeleidsterrein: true),
              laag: .rijk, alternatieven: [.functioneelBestuur], regels: ["R6"], waarschuwingen: 1),
        Geval(naam: "mandatory cooperation at national scale is not R4",
              kenmerken: Taakkenmerken(schaal: .landelijk, beleidsvrijheid: .weinig, samenwerking: .verplicht),
              laag: .rijk, alternatieven: [], regels: [], waarschuwingen: 1),
    ]

    @Test(arguments: gevallen)
    func adviceFollowsTheRulesAndTheirPrecedence(_ geval: Geval) {
        let advies = Afwegingskader.advies(voor: geval.kenmerken)
        #expect(advies.bestuurslaag == geval.laag)
        #expect(advies.alternatieven == geval.alternatieven)
        #expect(advies.regels.map(\.id) == geval.regels)
        #expect(advies.waarschuwingen.count == geval.waarschuwingen)
        #expect(advies.udoVereist == geval.laag.isDecentraal)
        #expect(!advies.alternatieven.contains(advies.bestuurslaag))
    }

    @Test func nonCongruentWarningNamesR4() {
        let advies = Afwegingskader.advies(voor: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .weinig, samenwerking: .verplicht, congruenteRegioIndeling: false))
        #expect(advies.waarschuwingen.first?.contains("niet congruent") == true)
    }

    @Test func noFitWarningSaysTheKaderGivesNoDecentralFit() {
        let advies = Afwegingskader.advies(voor: Taakkenmerken(schaal: .landelijk, beleidsvrijheid: .veel))
        #expect(advies.waarschuwingen == ["Het afwegingskader wijst geen passende decentrale bestuurslaag aan; het advies is daarom het Rijk."])
    }

    @Test func everyFiredRuleQuotesItsSentence() {
        let advies = Afwegingskader.advies(voor: Taakkenmerken(schaal: .regionaal, beleidsvrijheid: .veel, specifiekBeleidsterrein: true, samenwerking: .semiVerplicht))
        for regel in advies.regels {
            #expect(regel.citaat == KaderRegel(rawValue: regel.id)?.citaat)
        }
    }

    static let brief: String? = {
        var map = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            let kandidaat = map.appendingPathComponent("shared/seed/beleidskader-kamerbrief.txt")
            if let tekst = try? String(contentsOf: kandidaat, encoding: .utf8) { return tekst }
            map.deleteLastPathComponent()
        }
        return try? String(contentsOf: URL(fileURLWithPath: "/work/shared/seed/beleidskader-kamerbrief.txt"), encoding: .utf8)
    }()

    @Test(.enabled(if: brief != nil, "the Kamerbrief is in shared/seed"), arguments: KaderRegel.allCases)
    func citationIsVerbatimFromTheLetter(_ regel: KaderRegel) throws {
        let brief = try #require(Self.brief)
        let eenRegel = brief.replacingOccurrences(of: "\n", with: " ")
        #expect(eenRegel.contains(regel.citaat))
    }

    @Test func everyCombinationGivesAnAdviceWithConsistentUdoRequirement() {
        for schaal in Schaal.allCases {
            for vrijheid in Beleidsvrijheid.allCases {
                for samenwerking in Samenwerking.allCases {
                    for bits in 0..<8 {
                        let kenmerken = Taakkenmerken(
                            schaal: schaal, beleidsvrijheid: vrijheid, sturingVakdepartement: bits & 1 != 0,
                            waterbeheer: bits & 2 != 0, specifiekBeleidsterrein: bits & 4 != 0, samenwerking: samenwerking
                        )
                        let advies = Afwegingskader.advies(voor: kenmerken)
                        #expect(advies.udoVereist == advies.regels.contains { $0.id == "R9" })
                        #expect(advies.udoVereist == advies.bestuurslaag.isDecentraal)
                        #expect(Set(advies.alternatieven).count == advies.alternatieven.count)
                        #expect(kenmerken.waterbeheer ? advies.bestuurslaag == .waterschap : true)
                    }
                }
            }
        }
    }
}
