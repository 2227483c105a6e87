import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("Bad input is a 4xx problem, never a 500, and writes nothing")
struct BadInputTests {
    struct Route {
        let path: String
        let body: String
        let optional: Set<String>
    }

    static func routes(dossier id: String) -> [Route] {
        [
            Route(path: "/v1/dossiers", body: Fixtures.nieuwDossier, optional: ["wettelijkeGrondslag"]),
            Route(path: "/v1/dossiers/\(id)/consultaties", body: Fixtures.consultatie, optional: []),
            Route(path: "/v1/dossiers/\(id)/consultaties/1/reacties",
                  body: #"{"koepel": "VNG", "standpunt": "instemmend", "toelichting": "Ja.", "kenmerk": "K-1"}"#,
                  optional: ["koepel", "kenmerk"]),
            Route(path: "/v1/dossiers/\(id)/toetsingen", body: Fixtures.toetsingProvincie, optional: ["toelichting"]),
            Route(path: "/v1/dossiers/\(id)/financiele-gevolgen", body: Fixtures.financieleGevolgen, optional: []),
            Route(path: "/v1/dossiers/\(id)/udo-aanvragen", body: Fixtures.udoAanvraag, optional: ["termijn"]),
            Route(path: "/v1/dossiers/\(id)/udo-uitkomsten",
                  body: #"{"uitkomst": "uitvoerbaar", "samenvatting": "Ja.", "vindplaats": "Bijlage"}"#, optional: ["vindplaats"]),
            Route(path: "/v1/dossiers/\(id)/besluiten", body: Fixtures.besluit, optional: []),
            Route(path: "/v1/dossiers/\(id)/kamerstukken", body: Fixtures.kamerstuk, optional: []),
            Route(path: "/v1/dossiers/\(id)/intrekking", body: Fixtures.intrekking, optional: []),
            Route(path: "/v1/dossiers/\(id)/heropening", body: Fixtures.heropening, optional: []),
            Route(path: "/v1/afwegingskader/_advies",
                  body: #"{"taakkenmerken": {"schaal": "lokaal", "beleidsvrijheid": "veel", "sturingVakdepartement": false, "waterbeheer": false, "specifiekBeleidsterrein": false, "samenwerking": "geen"}}"#,
                  optional: []),
        ]
    }

    private static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Every way to spoil a valid body, each with the field that must be named in `invalidParams` (nil: any).
    static func spoiled(_ route: Route) throws -> [(body: String, field: String?)] {
        let valid = try #require(try JSONSerialization.jsonObject(with: Data(route.body.utf8)) as? [String: Any])
        var cases: [(String, String?)] = [
            ("{", "body"), ("[]", "body"), ("\"tekst\"", "body"), ("null", "body"), ("{\"a\":}", "body"),
        ]
        var extra = valid
        extra["onbekendVeld"] = 1
        cases.append((try json(extra), "onbekendVeld"))
        for (field, value) in valid {
            var wrongType = valid
            wrongType[field] = ["niet": "goed"]
            cases.append((try json(wrongType), field))
            if value is String {
                var empty = valid
                empty[field] = ""
                cases.append((try json(empty), field))
                var whitespace = valid
                whitespace[field] = "   "
                cases.append((try json(whitespace), field))
            }
            if !route.optional.contains(field) {
                var missing = valid
                missing.removeValue(forKey: field)
                cases.append((try json(missing), field))
                var null = valid
                null[field] = NSNull()
                cases.append((try json(null), field))
            }
        }
        return cases
    }

    @Test func everySpoiledBodyIs400NamingTheFieldAndWritesNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let eventsBefore = try harness.database.count("events")
                for route in Self.routes(dossier: id) {
                    for (body, field) in try Self.spoiled(route) {
                        let response = try await client.send(.post, route.path, token: harness.coordinator, json: body)
                        let label = "\(route.path) \(body): \(response.status) \(String(buffer: response.body))"
                        #expect(response.status == .badRequest, "\(label)")
                        let problem = try response.problem
                        #expect(problem.status == 400)
                        let names = problem.invalidParams?.map(\.name) ?? []
                        if let field {
                            #expect(names.contains { $0 == field || $0.hasPrefix(field + ".") || $0.hasPrefix(field + "[") }, "\(label)")
                        }
                    }
                }
                #expect(try harness.database.count("events") == eventsBefore)
                #expect(try harness.database.count("dossiers") == 1)
            }
        }
    }

    @Test func invalidEnumsDatesAndNumbersAreNamedAllAtOnce() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let consultatie = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties", token: harness.coordinator,
                    json: #"{"koepels": ["VNG", "ABC"], "termijn": "2030-02-30"}"#)
                #expect(consultatie.status == .badRequest)
                #expect(Set(try consultatie.problem.invalidParams?.map(\.name) ?? []) == ["koepels[1]", "termijn"])
                let dossier = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator,
                    json: #"{"titel": "X", "omschrijving": "Y", "vakdepartement": "Z", "soort": "wet", "nieuweTaak": "ja"}"#)
                #expect(dossier.status == .badRequest)
                #expect(Set(try dossier.problem.invalidParams?.map(\.name) ?? []).isSuperset(of: ["soort", "nieuweTaak"]))
                let kosten = try await client.send(
                    .post, "/v1/dossiers/\(id)/financiele-gevolgen", token: harness.coordinator,
                    json: #"{"structureleKosten": 1.5, "incidenteleKosten": "veel", "dekking": "X", "toelichting": "Y"}"#)
                #expect(kosten.status == .badRequest)
                #expect(Set(try kosten.problem.invalidParams?.map(\.name) ?? []) == ["structureleKosten", "incidenteleKosten"])
                let ronde = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties/nul/sluiting", token: harness.coordinator, json: "{}")
                #expect(ronde.status == .badRequest)
                #expect(try ronde.problem.invalidParams?.map(\.name) == ["ronde"])
                let ifMatch = try await client.send(
                    .post, "/v1/dossiers/\(id)/intrekking", token: harness.coordinator, json: Fixtures.intrekking,
                    headers: [.ifMatch: "versie drie"])
                #expect(ifMatch.status == .badRequest)
                #expect(try harness.database.count("events") == 1)
            }
        }
    }
}
