import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct DossierJSONTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    @Test func aDossierEncodesWithTheFieldNamesOfTheAPI() throws {
        let dossier = try #require(try Startpunt.besloten.verloop().state)
        let json = try JSONDecoder().decode(JSONValue.self, from: Self.encoder().encode(dossier))
        guard case .object(let velden) = json else { Issue.record("not an object"); return }
        for veld in ["id", "kenmerk", "titel", "omschrijving", "vakdepartement", "soort", "nieuweTaak", "fase", "versie",
                     "geopendOp", "bijgewerktOp", "consultaties", "toetsing", "udo", "financieleGevolgen", "besluit", "kamerstukken"] {
            #expect(velden[veld] != nil, "\(veld)")
        }
        #expect(velden["kenmerk"] == .string("TT-2026-0001"))
        #expect(velden["fase"] == .string("besloten"))
        #expect(velden["geopendOp"] == .string("2026-03-01T09:00:00Z"))
        guard case .array(let rondes) = velden["consultaties"], case .object(let ronde) = rondes.first,
              case .array(let reacties) = ronde["reacties"], case .object(let reactie) = reacties.first,
              case .object(let toetsing) = velden["toetsing"], case .object(let advies) = toetsing["advies"],
              case .object(let besluit) = velden["besluit"]
        else { Issue.record("shape"); return }
        #expect(Set(ronde.keys).isSuperset(of: ["ronde", "koepels", "termijn", "status", "reacties"]))
        #expect(ronde["termijn"] == .string("2026-03-15"))
        #expect(ronde["status"] == .string("gesloten"))
        #expect(Set(reactie.keys).isSuperset(of: ["koepel", "standpunt", "ingediendOp", "teLaat"]))
        #expect(Set(advies.keys) == ["bestuurslaag", "alternatieven", "regels", "udoVereist", "waarschuwingen"])
        #expect(besluit["afwijkingVanAdvies"] == .bool(false))
        #expect(besluit["motivering"] == .string("Volgt het advies."))
    }

    @Test func absentTopLevelFieldsAreNull() throws {
        let dossier = try #require(try Startpunt.geopend.verloop().state)
        let json = try JSONDecoder().decode(JSONValue.self, from: Self.encoder().encode(dossier))
        guard case .object(let velden) = json else { Issue.record("not an object"); return }
        for veld in ["aanleiding", "wettelijkeGrondslag", "toetsing", "udo", "financieleGevolgen", "besluit", "intrekking", "archivering"] {
            #expect(velden[veld] == .null, "\(veld)")
        }
        #expect(velden.count == 22)
    }

    @Test(arguments: Startpunt.allCases.filter { $0 != .leeg })
    func aDossierSurvivesEncodeAndDecode(_ start: Startpunt) throws {
        var dossier = try #require(try start.verloop().state)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Dossier.self, from: Self.encoder().encode(dossier))
        // The API's dossier leaves out what only the stored state keeps.
        #expect(decoded.zichtbaarGewijzigdOp == nil)
        dossier.zichtbaarGewijzigdOp = nil
        #expect(decoded == dossier)
    }

    @Test func theBeslotenDossierSurvivesEncodeAndDecode() throws {
        var dossier = try #require(try Startpunt.besloten.verloop().state)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Dossier.self, from: Self.encoder().encode(dossier))
        dossier.zichtbaarGewijzigdOp = nil
        #expect(decoded == dossier)
    }
}
