import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingAPI
import ToedelingTestSupport
import ServerTestSupport

@Suite("Lists, scoping, reports and the feed")
struct DossierQueryTests {
    @Test func theListFiltersAndPagesWithALinkHeader() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for index in 1...5 {
                    _ = try await client.openDossier(
                        token: harness.coordinator,
                        body: Fixtures.dossier(titel: "Dossier \(index)", vakdepartement: index <= 3 ? "VRO" : "IenW"))
                }
                let page = try await client.send(.get, "/v1/dossiers?vakdepartement=VRO&page=1&pageSize=2", token: harness.liaison)
                #expect(page.status == .ok)
                let resultaten = try #require(try page.object["resultaten"] as? [[String: Any]])
                #expect(resultaten.count == 2)
                #expect(resultaten.allSatisfy { $0["vakdepartement"] as? String == "VRO" })
                let link = try #require(page.headers[HTTPField.Name("Link")!])
                #expect(link.contains(#"</v1/dossiers?vakdepartement=VRO&page=2&pageSize=2>; rel="next""#))
                #expect(link.contains(#"rel="last""#))
                #expect(link.contains(#"</v1/dossiers?vakdepartement=VRO&page=2&pageSize=2>; rel="last""#))
                #expect(!link.contains(#"rel="prev""#))

                let last = try await client.send(.get, "/v1/dossiers?vakdepartement=VRO&page=2&pageSize=2", token: harness.liaison)
                #expect((try last.object["resultaten"] as? [Any])?.count == 1)
                #expect(last.headers[HTTPField.Name("Link")!]?.contains(#"rel="prev""#) == true)
                #expect(last.headers[HTTPField.Name("Link")!]?.contains(#"rel="next""#) == false)

                let fase = try await client.send(.get, "/v1/dossiers?fase=besloten", token: harness.coordinator)
                #expect((try fase.object["resultaten"] as? [Any])?.isEmpty == true)
                let all = try await client.send(.get, "/v1/dossiers?fase=voorstel", token: harness.coordinator)
                #expect((try all.object["resultaten"] as? [Any])?.count == 5)
            }
        }
    }

    @Test func invalidListParametersAreAllReportedAt400() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.send(
                    .get, "/v1/dossiers?fase=onbekend&page=0&pageSize=1000&sorteer=titel", token: harness.coordinator)
                #expect(response.status == .badRequest)
                let names = Set(try response.problem.invalidParams?.map(\.name) ?? [])
                #expect(names == ["fase", "page", "pageSize", "sorteer"])
            }
        }
    }

    @Test func aKoepelSeesOnlyInvitedDossiersAndOthersReactiesOnlyAfterClosing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let invited = try await client.openDossier(token: harness.coordinator, body: Fixtures.dossier(titel: "Uitgenodigd"))
                let hidden = try await client.openDossier(token: harness.coordinator, body: Fixtures.dossier(titel: "Verborgen"))
                try await client.command("consultaties", on: invited, token: harness.coordinator, json: Fixtures.consultatie)
                try await client.command("consultaties/1/reacties", on: invited, token: harness.vng, json: Fixtures.reactie)
                try await client.command("consultaties/1/reacties", on: invited, token: harness.ipo, json: Fixtures.reactie)

                let list = try await client.send(.get, "/v1/dossiers", token: harness.vng)
                let ids = (try list.object["resultaten"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == [invited])
                #expect(try await client.send(.get, "/v1/dossiers/\(hidden)", token: harness.vng).status == .notFound)
                #expect(try await client.send(.get, "/v1/dossiers/\(hidden)/tijdlijn", token: harness.vng).status == .notFound)
                #expect(try await client.send(.get, "/v1/dossiers/\(invited)", token: harness.uvw).status == .notFound)
                let uvwList = try await client.send(.get, "/v1/dossiers", token: harness.uvw)
                #expect((try uvwList.object["resultaten"] as? [Any])?.isEmpty == true)

                func reactieKoepels(_ token: String) async throws -> [String] {
                    let dossier = try await client.send(.get, "/v1/dossiers/\(invited)", token: token).object
                    let rondes = try #require(dossier["consultaties"] as? [[String: Any]])
                    return (rondes.first?["reacties"] as? [[String: Any]] ?? []).compactMap { $0["koepel"] as? String }
                }
                #expect(try await reactieKoepels(harness.vng) == ["VNG"])
                #expect(try await reactieKoepels(harness.coordinator).sorted() == ["IPO", "VNG"])
                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(invited)/tijdlijn", token: harness.vng).object
                #expect((tijdlijn["tijdlijn"] as? [Any])?.count == 3)

                try await client.command("consultaties/1/sluiting", on: invited, token: harness.coordinator, json: "{}")
                #expect(try await reactieKoepels(harness.vng).sorted() == ["IPO", "VNG"])
            }
        }
    }

    /// A GET writes the stored view: the same bytes and ETag as the answer of the command that wrote
    /// it, for each reader, and the list holds those same bytes.
    @Test func aGetIsTheBytesTheLastCommandAnsweredWithAndTheListHoldsThem() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator, body: Fixtures.dossier(titel: "Bytes"))
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let vng = try await client.command("consultaties/1/reacties", on: id, token: harness.vng, json: Fixtures.reactie)
                let got = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                #expect(got.status == .ok)
                #expect(String(buffer: got.body) == String(buffer: vng.body))
                #expect(got.headers[.eTag] == vng.headers[.eTag])
                #expect(got.headers[.contentType] == "application/json")
                let ipo = try await client.command("consultaties/1/reacties", on: id, token: harness.ipo, json: Fixtures.reactie)
                // IPO's reactie is not in VNG's view while the round is open: its bytes and tag stay.
                let again = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.vng)
                #expect(String(buffer: again.body) == String(buffer: vng.body))
                #expect(again.headers[.eTag] == vng.headers[.eTag])
                #expect(String(buffer: try await client.send(.get, "/v1/dossiers/\(id)", token: harness.ipo).body) == String(buffer: ipo.body))
                let full = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.liaison)
                let list = try await client.send(.get, "/v1/dossiers", token: harness.liaison)
                #expect(String(buffer: list.body) == #"{"resultaten":["# + String(buffer: full.body) + "]}")
                let vngList = try await client.send(.get, "/v1/dossiers", token: harness.vng)
                #expect(String(buffer: vngList.body) == #"{"resultaten":["# + String(buffer: vng.body) + "]}")
            }
        }
    }

    @Test func theReportIsNegotiatedByAcceptAndReproducible() async throws {
        let clock = TestClock()
        try await APITestHarness.with(clock: clock) { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("kamerstukken", on: id, token: harness.liaison, json: Fixtures.kamerstuk)
                let peildatum = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(30))
                clock.advance(seconds: 60)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let uri = "/v1/rapportages/stand-van-zaken?peildatum=\(peildatum)"
                let cases: [(String?, String)] = [
                    (nil, "application/json"), ("application/json", "application/json"), ("text/csv", "text/csv"),
                    ("text/markdown", "text/markdown"), ("text/html", "text/html"), ("text/*;q=0.5, text/html", "text/html"),
                    ("*/*", "application/json"),
                ]
                for (accept, expected) in cases {
                    var headers: HTTPFields = [:]
                    if let accept { headers[.accept] = accept }
                    let first = try await client.send(.get, uri, token: harness.liaison, headers: headers)
                    #expect(first.status == .ok, "\(accept ?? "none")")
                    #expect(first.headers[.contentType]?.hasPrefix(expected) == true, "\(accept ?? "none")")
                    let again = try await client.send(.get, uri, token: harness.coordinator, headers: headers)
                    #expect(again.body == first.body)
                }
                let csv = try await client.send(.get, uri, token: harness.liaison, headers: [.accept: "text/csv"])
                let text = String(buffer: csv.body)
                #expect(text.contains("33047-43"))
                #expect(text.contains(",voorstel,"))
                let refused = try await client.send(.get, uri, token: harness.liaison, headers: [.accept: "application/pdf"])
                #expect(refused.status == .notAcceptable)
                #expect(try refused.problem.status == 406)
            }
        }
    }

    /// A report says up to which moment it is complete: every command answered before that moment is
    /// in it (`Toedeling-Compleet-Tot`, also for the evaluation).
    @Test func aReportSaysUpToWhichMomentItIsComplete() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let answered = Date()
                for uri in ["/v1/rapportages/stand-van-zaken", "/v1/rapportages/evaluatie"] {
                    let response = try await client.send(.get, uri, token: harness.liaison)
                    #expect(response.status == .ok)
                    let value = try #require(response.headers[HTTPField.Name("Toedeling-Compleet-Tot")!], "\(uri)")
                    let moment = try #require(ISO8601DateFormatter().date(from: value), "\(value)")
                    #expect(moment >= answered.addingTimeInterval(-1) && moment <= Date().addingTimeInterval(1), "\(value)")
                }
                let report = try await client.send(.get, "/v1/rapportages/stand-van-zaken", token: harness.liaison, headers: [.accept: "text/csv"])
                let dossier = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator)
                let kenmerk = try #require(String(buffer: dossier.body).components(separatedBy: #""kenmerk":""#).dropFirst().first?.prefix(12))
                #expect(String(buffer: report.body).contains(kenmerk))
            }
        }
    }

    @Test func theFeedPagesWithACursorWithoutSkippingOrRepeating() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                for index in 1...3 {
                    _ = try await client.openDossier(token: harness.coordinator, body: Fixtures.dossier(titel: "Feed \(index)"))
                }
                var seen: [Int] = []
                var cursor: String?
                // The feed shows a commit once no older transaction of the cluster is open: another
                // test's open transaction may hold it back for a while, so poll with a bound.
                let deadline = ContinuousClock.now + .seconds(20)
                while seen.count < 3, ContinuousClock.now < deadline {
                    let uri = "/v1/gebeurtenissen?limit=2" + (cursor.map { "&na=\($0)" } ?? "")
                    let page = try await client.send(.get, uri, token: harness.coordinator)
                    #expect(page.status == .ok)
                    let body = try page.object
                    let events = try #require(body["gebeurtenissen"] as? [[String: Any]])
                    seen += events.compactMap { $0["positie"] as? Int }
                    cursor = body["volgende"] as? String
                    if events.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(seen.count == 3)
                #expect(Set(seen).count == 3)
                let bad = try await client.send(.get, "/v1/gebeurtenissen?na=onzin&limit=0", token: harness.coordinator)
                #expect(bad.status == .badRequest)
                #expect(Set(try bad.problem.invalidParams?.map(\.name) ?? []) == ["na", "limit"])
            }
        }
    }
}
