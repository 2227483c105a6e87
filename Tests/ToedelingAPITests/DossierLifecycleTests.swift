import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingTestSupport
import ToedelingAPI
import ServerTestSupport

@Suite("Dossier endpoints: the whole lifecycle")
struct DossierLifecycleTests {
    @Test func openingAnswers201WithLocationETagAndTheDossier() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier)
                #expect(response.status == .created)
                let dossier = try response.object
                let id = try #require(dossier["id"] as? String)
                #expect(response.headers[.location] == "/v1/dossiers/\(id)")
                #expect(response.headers[.eTag] == "\"1\"")
                #expect(response.headers[.contentType] == "application/json")
                #expect((dossier["kenmerk"] as? String)?.hasPrefix("TT-") == true)
                #expect(dossier["fase"] as? String == "voorstel")
                #expect(dossier["versie"] as? Int == 1)
                #expect(dossier["titel"] as? String == "Regie op de regionale woningbouwprogrammering")
                #expect(dossier["nieuweTaak"] as? Bool == true)
                #expect((dossier["geopendOp"] as? String)?.hasSuffix("Z") == true)
                #expect((dossier["consultaties"] as? [Any])?.isEmpty == true)

                let read = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.liaison)
                #expect(read.status == .ok)
                #expect(read.headers[.eTag] == "\"1\"")
                #expect(try read.object["id"] as? String == id)
            }
        }
    }

    @Test func aDossierGoesFromVoorstelToBeslotenThroughEveryEndpoint() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let ronde = try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                #expect(try ronde.object["ronde"] as? Int == 1)
                #expect(try ronde.object["fase"] as? String == "consultatie")
                try await client.command("consultaties/1/reacties", on: id, token: harness.vng, json: Fixtures.reactie)
                try await client.command(
                    "consultaties/1/reacties", on: id, token: harness.coordinator,
                    json: #"{"koepel": "IPO", "standpunt": "bezwaar", "toelichting": "Per brief ontvangen.", "kenmerk": "IPO-1"}"#)
                try await client.command("consultaties/1/sluiting", on: id, token: harness.coordinator, json: "{}")
                let toetsing = try await client.command("toetsingen", on: id, token: harness.coordinator, json: Fixtures.toetsingProvincie)
                let advies = try #require(try toetsing.object["advies"] as? [String: Any])
                #expect(advies["bestuurslaag"] as? String == "provincie")
                #expect(advies["udoVereist"] as? Bool == true)
                #expect(try toetsing.object["fase"] as? String == "getoetst")
                try await client.command("financiele-gevolgen", on: id, token: harness.coordinator, json: Fixtures.financieleGevolgen)
                let udo = try await client.command("udo-aanvragen", on: id, token: harness.coordinator, json: Fixtures.udoAanvraag)
                #expect(try udo.object["fase"] as? String == "udo")
                try await client.command("udo-uitkomsten", on: id, token: harness.coordinator, json: Fixtures.udoUitkomst)
                let besluit = try await client.command("besluiten", on: id, token: harness.coordinator, json: Fixtures.besluit)
                #expect(try besluit.object["fase"] as? String == "besloten")
                let besluitDocument = try #require(try besluit.object["besluit"] as? [String: Any])
                #expect(besluitDocument["afwijkingVanAdvies"] as? Bool == false)
                let kamerstuk = try await client.command("kamerstukken", on: id, token: harness.liaison, json: Fixtures.kamerstuk)
                #expect(kamerstuk.headers[.eTag] == "\"11\"")
                let heropend = try await client.command("heropening", on: id, token: harness.coordinator, json: Fixtures.heropening)
                #expect(try heropend.object["fase"] as? String != "besloten")
                let ingetrokken = try await client.command("intrekking", on: id, token: harness.coordinator, json: Fixtures.intrekking)
                #expect(try ingetrokken.object["fase"] as? String == "ingetrokken")

                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.liaison)
                #expect(tijdlijn.status == .ok)
                let regels = try #require(try tijdlijn.object["tijdlijn"] as? [[String: Any]])
                #expect(regels.map { $0["versie"] as? Int } == (1...13).map { $0 })
                #expect(regels.allSatisfy { ($0["omschrijving"] as? String)?.isEmpty == false && $0["door"] is String })
                #expect(regels.first?["type"] as? String == "DossierGeopend")
            }
        }
    }

    @Test func everyAnswerHoldsEveryLinkedKamerstuk() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                func nummers(_ response: TestResponse) throws -> [String] {
                    try (response.object["kamerstukken"] as? [[String: Any]] ?? []).compactMap { $0["nummer"] as? String }
                }
                var gekoppeld: [String] = []
                for n in 1...3 {
                    let nummer = "33047-\(40 + n)"
                    let answer = try await client.command(
                        "kamerstukken", on: id, token: harness.liaison, json: #"{"nummer": "\#(nummer)", "titel": "Brief", "datum": "2026-03-01"}"#
                    )
                    gekoppeld.append(nummer)
                    #expect(try nummers(answer) == gekoppeld)
                }
                // Answers with a member beside the dossier, a change, and one that changes nothing.
                let ronde = try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                #expect(try ronde.object["ronde"] as? Int == 1)
                #expect(try nummers(ronde) == gekoppeld)
                let toetsing = try await client.command("toetsingen", on: id, token: harness.coordinator, json: Fixtures.toetsingProvincie)
                #expect(try toetsing.object["advies"] is [String: Any])
                #expect(try nummers(toetsing) == gekoppeld)
                for _ in 0..<2 {
                    let gewijzigd = try await client.send(
                        .patch, "/v1/dossiers/\(id)", token: harness.coordinator, json: #"{"titel": "Nieuwe titel"}"#,
                        headers: [.contentType: "application/merge-patch+json"]
                    )
                    #expect(gewijzigd.status == .ok)
                    #expect(try nummers(gewijzigd) == gekoppeld)
                }
                let read = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                #expect(try nummers(read) == gekoppeld)
                let twice = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.liaison, json: Fixtures.kamerstuk.replacingOccurrences(of: "33047-43", with: "33047-42"))
                #expect(twice.status == .conflict)
            }
        }
    }

    @Test func theRequestIdBecomesTheCorrelationIdAndTheTokenIsRecorded() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier,
                    headers: [HTTPField.Name("X-Request-ID")!: "verzoek-42"])
                let id = try #require(try response.object["id"] as? String)
                let events = try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen", token: harness.liaison)
                #expect(events.status == .ok)
                let list = try #require(try events.object["gebeurtenissen"] as? [[String: Any]])
                #expect(list.count == 1)
                let metadata = try #require(list.first?["metadata"] as? [String: Any])
                #expect(metadata["correlationId"] as? String == "verzoek-42")
                #expect(metadata["rol"] as? String == "coordinator")
                #expect(metadata["tokenId"] is String)
                #expect((list.first?["hash"] as? String)?.count == 64)
                #expect(list.first?["type"] as? String == "DossierGeopend")
                #expect(list.first?["positie"] is Int)
            }
        }
    }

    @Test func aStateAsOfAPeildatumBeforeOpeningIs404AndLaterShowsThatVersion() async throws {
        let clock = TestClock()
        try await APITestHarness.with(clock: clock) { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let between = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(30))
                clock.advance(seconds: 60)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let before = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=2000-01-01", token: harness.coordinator)
                #expect(before.status == .notFound)
                let then = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=\(between)", token: harness.coordinator)
                #expect(then.status == .ok)
                #expect(then.headers[.eTag] == "\"1\"")
                #expect(try then.object["fase"] as? String == "voorstel")
                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn?peildatum=\(between)", token: harness.coordinator)
                #expect((try tijdlijn.object["tijdlijn"] as? [Any])?.count == 1)
                let now = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator)
                #expect(now.headers[.eTag] == "\"2\"")
                let bad = try await client.send(.get, "/v1/dossiers/\(id)?peildatum=gisteren", token: harness.coordinator)
                #expect(bad.status == .badRequest)
                #expect(try bad.problem.invalidParams?.first?.name == "peildatum")
            }
        }
    }

    @Test func anUnknownOrMalformedDossierIdIs404() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for path in ["/v1/dossiers/\(UUID())", "/v1/dossiers/geen-uuid", "/v1/dossiers/\(UUID())/tijdlijn",
                             "/v1/dossiers/\(UUID())/gebeurtenissen"] {
                    let response = try await client.send(.get, path, token: harness.coordinator)
                    #expect(response.status == .notFound, "\(path)")
                    #expect(try response.problem.status == 404)
                }
                let command = try await client.send(
                    .post, "/v1/dossiers/\(UUID())/intrekking", token: harness.coordinator, json: Fixtures.intrekking)
                #expect(command.status == .notFound)
                let malformed = try await client.send(
                    .post, "/v1/dossiers/geen-uuid/intrekking", token: harness.coordinator, json: Fixtures.intrekking)
                #expect(malformed.status == .notFound)
            }
        }
    }

    @Test func aCommandTheFaseRefusesIs409WithADutchReason() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let response = try await client.send(
                    .post, "/v1/dossiers/\(id)/besluiten", token: harness.coordinator, json: Fixtures.besluit)
                #expect(response.status == .conflict)
                let problem = try response.problem
                #expect(problem.status == 409)
                #expect((problem.detail ?? "").isEmpty == false)
                #expect(try harness.database.count("events") == 1)
            }
        }
    }

    @Test func theAdviceEndpointStoresNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for token in [harness.coordinator, harness.liaison, harness.vng] {
                    let response = try await client.send(
                        .post, "/v1/afwegingskader/_advies", token: token,
                        json: #"{"taakkenmerken": {"schaal": "lokaal", "beleidsvrijheid": "veel", "sturingVakdepartement": false, "waterbeheer": false, "specifiekBeleidsterrein": false, "samenwerking": "geen"}}"#)
                    #expect(response.status == .ok)
                    #expect(try response.object["bestuurslaag"] as? String == "gemeente")
                    #expect((try response.object["regels"] as? [Any])?.isEmpty == false)
                }
                #expect(try harness.database.count("events") == 0)
            }
        }
    }

    @Test func everyCommandTheFaseDoesNotAllowIsRefusedAndWritesNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let refusedInVoorstel: [(String, String, HTTPResponse.Status)] = [
                    ("udo-aanvragen", Fixtures.udoAanvraag, .conflict),
                    ("udo-uitkomsten", Fixtures.udoUitkomst, .conflict),
                    ("besluiten", Fixtures.besluit, .conflict),
                    ("heropening", Fixtures.heropening, .conflict),
                    ("consultaties/1/sluiting", "{}", .notFound),
                    ("consultaties/1/reacties", #"{"koepel": "VNG", "standpunt": "bezwaar", "toelichting": "Nee."}"#, .notFound),
                ]
                for (path, body, status) in refusedInVoorstel {
                    let response = try await client.send(.post, "/v1/dossiers/\(id)/\(path)", token: harness.coordinator, json: body)
                    #expect(response.status == status, "\(path)")
                    #expect(try response.problem.status == Int(status.code))
                }
                try await client.command("intrekking", on: id, token: harness.coordinator, json: Fixtures.intrekking)
                let refusedWhenWithdrawn: [(String, String)] = [
                    ("consultaties", Fixtures.consultatie), ("toetsingen", Fixtures.toetsingProvincie),
                    ("financiele-gevolgen", Fixtures.financieleGevolgen), ("intrekking", Fixtures.intrekking),
                ]
                for (path, body) in refusedWhenWithdrawn {
                    let response = try await client.send(.post, "/v1/dossiers/\(id)/\(path)", token: harness.coordinator, json: body)
                    #expect(response.status == .conflict, "\(path)")
                    #expect((try response.problem.detail ?? "").isEmpty == false)
                }
                #expect(try harness.database.count("events") == 2)
            }
        }
    }
}
