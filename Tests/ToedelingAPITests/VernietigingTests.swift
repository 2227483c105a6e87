import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Postgres
import Taaktoedeling
import Testing
import ToedelingTestSupport
import ToedelingAPI
import ServerTestSupport

@Suite("Destruction on a vernietigingslijst")
struct VernietigingTests {
    /// A withdrawn dossier under category 2.3 (vernietigen, P0D): destroyable today, with a document.
    static func vernietigbaar(_ client: any TestClientProtocol, _ harness: APITestHarness, reden: String = "Opgegaan in een ander dossier.") async throws -> String {
        let id = try await client.openDossier(token: harness.coordinator)
        let upload = try await client.upload(Upload(), to: id, token: harness.coordinator)
        #expect(upload.status == .created)
        try await client.command("intrekking", on: id, token: harness.coordinator, json: #"{"reden": "\#(reden)"}"#)
        #expect(try await ArchiefTests.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "2.3"}"#).status == .ok)
        return id
    }

    static func voorstel(_ client: any TestClientProtocol, _ ids: [String], token: String) async throws -> TestResponse {
        try await client.send(.post, "/v1/vernietigingslijsten", token: token, json: #"{"dossiers": [\#(ids.map { "\"\($0)\"" }.joined(separator: ","))]}"#)
    }

    @Test func anApprovedListDestroysItsDossiersAndKeepsTheirTombstoneAndTheVerklaring() async throws {
        try await APITestHarness.with { harness in
            let tweede = try await harness.dependencies.tokens.create(.coordinator, naam: "Tweede Coördinator").token
            try await harness.test { client async throws in
                let id = try await Self.vernietigbaar(client, harness, reden: "Geheime-inhoud-XYZ opgegaan elders.")
                let blijft = try await Self.vernietigbaar(client, harness)
                let documenten = try #require(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
                let documentID = try #require(documenten.first?["id"] as? String)
                let titel = try #require(try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator).object["titel"] as? String)

                let voorgesteld = try await Self.voorstel(client, [id], token: harness.coordinator)
                #expect(voorgesteld.status == .created, "\(String(buffer: voorgesteld.body))")
                let lijst = try voorgesteld.object
                let lijstID = try #require(lijst["id"] as? String)
                #expect(voorgesteld.headers[.location] == "/v1/vernietigingslijsten/\(lijstID)")
                #expect(lijst["status"] as? String == "voorgesteld")
                #expect(lijst["voorgesteldDoor"] as? String == "Coördinator BZK")
                // The same dossier on a second list while the first waits: refused.
                #expect(try await Self.voorstel(client, [id], token: tweede).status == .conflict)
                // Not by the proposer, nor by a liaison; the verklaring only after approval.
                let eigen = try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: harness.coordinator)
                #expect(eigen.status == .forbidden)
                #expect(try eigen.problem.detail?.contains("andere coördinator") == true)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: harness.liaison).status == .forbidden)
                #expect(try await client.send(.get, "/v1/vernietigingslijsten/\(lijstID)/verklaring", token: harness.coordinator).status == .conflict)
                #expect(try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator).status == .ok)

                let voorDeVernietiging = Date()
                let goedgekeurd = try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: tweede)
                #expect(goedgekeurd.status == .ok, "\(String(buffer: goedgekeurd.body))")
                let na = try goedgekeurd.object
                #expect(na["status"] as? String == "goedgekeurd")
                #expect(na["beoordeeldDoor"] as? String == "Tweede Coördinator")
                #expect(((na["dossiers"] as? [[String: Any]])?.first?["vernietigdOp"] as? String) != nil)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: tweede).status == .conflict)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/afwijzing", token: tweede, json: #"{"reden": "te laat"}"#).status == .conflict)

                // The tombstone: id, kenmerk, titel, fase and archivering; everything else gone or [vernietigd].
                let dossier = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator).object
                #expect(dossier["titel"] as? String == titel)
                #expect(dossier["omschrijving"] as? String == "[vernietigd]")
                #expect((dossier["intrekking"] as? [String: Any])?["reden"] as? String == "[vernietigd]")
                #expect((dossier["archivering"] as? [String: Any])?["archiefstatus"] as? String == "vernietigd")
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.coordinator).status == .gone)
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(documentID)/inhoud", token: harness.coordinator).status == .gone)
                let kamerstuk = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk)
                #expect(kamerstuk.status == .conflict)
                #expect(try kamerstuk.problem.detail?.contains("vernietigd") == true)
                let tijdlijn = String(buffer: try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator).body)
                #expect(tijdlijn.contains("vernietigd op vernietigingslijst"))
                #expect(!tijdlijn.contains("Geheime-inhoud-XYZ"))
                // A report of a moment before the destruction shows the tombstone, not the content.
                let vroeger = try await harness.dependencies.service.dossiers(asRecordedAt: Peildatum(moment: voorDeVernietiging))
                let steen = try #require(vroeger.first { $0.id.uuidString.lowercased() == id })
                #expect(steen.titel == titel && steen.omschrijving == "[vernietigd]" && steen.vakdepartement == "[vernietigd]")
                #expect(steen.intrekking?.reden == "[vernietigd]")
                let nu = try await harness.dependencies.service.dossiers(asRecordedAt: Peildatum(moment: Date().addingTimeInterval(60)))
                #expect(nu.first { $0.id.uuidString.lowercased() == id }?.archiefgegevens?.archiefstatus == .vernietigd)
                // The other dossier is untouched.
                #expect(try await client.send(.get, "/v1/dossiers/\(blijft)/documenten", token: harness.coordinator).status == .ok)

                // No plaintext of the destroyed dossier anywhere in the database; its bytes gone, the other's kept.
                let sporen = try await harness.pool.withConnection { connection in
                    let tabellen = try connection.query(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    ).map { try $0.string("table_name") }
                    return try tabellen.filter { tabel in
                        try !connection.query("SELECT 1 AS x FROM \(tabel) t WHERE t::text LIKE '%Geheime-inhoud-XYZ%' LIMIT 1").isEmpty
                    }
                }
                #expect(sporen.isEmpty, "\(sporen)")
                #expect(try await harness.documentRows().inhoud == 1)
                #expect(try await harness.dependencies.service.store.verify().isIntact)

                // The verklaring as kept: HTML and CSV.
                let html = try await client.send(.get, "/v1/vernietigingslijsten/\(lijstID)/verklaring", token: harness.coordinator)
                #expect(html.status == .ok)
                #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
                let tekst = String(buffer: html.body)
                #expect(tekst.contains("Verklaring van vernietiging") && tekst.contains("Tweede Coördinator") && tekst.contains("2.3"))
                let csv = try await client.send(.get, "/v1/vernietigingslijsten/\(lijstID)/verklaring?formaat=csv", token: harness.coordinator)
                #expect(String(buffer: csv.body).split(separator: "\r\n").count == 2)
                let alle = try await client.send(.get, "/v1/vernietigingslijsten", token: harness.coordinator).object
                #expect((alle["resultaten"] as? [Any])?.count == 1)
            }
        }
    }

    /// The kept verklaring names who approved; erasing that person (AVG) removes the name from it,
    /// also a name the HTML escapes and the CSV quotes.
    @Test func erasingTheApproverRemovesTheNameFromTheKeptVerklaring() async throws {
        try await APITestHarness.with { harness in
            let naam = #"Dirk "de Goedkeurder" O'Neill, <BZK> & co"#
            let tweede = try await harness.dependencies.tokens.create(.coordinator, naam: naam)
            try await harness.test { client async throws in
                let id = try await Self.vernietigbaar(client, harness)
                let lijstID = try #require(try await Self.voorstel(client, [id], token: harness.coordinator).object["id"] as? String)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: tweede.token).status == .ok)
                let pad = "/v1/vernietigingslijsten/\(lijstID)/verklaring"
                let voor = String(buffer: try await client.send(.get, pad, token: harness.coordinator).body)
                #expect(voor.contains("O&#39;Neill") && voor.contains("&quot;de Goedkeurder&quot;"), "\(voor)")
                #expect(String(buffer: try await client.send(.get, pad + "?formaat=csv", token: harness.coordinator).body).contains(#""de Goedkeurder""#))

                _ = try await harness.dependencies.service.vergeetToken(id: try #require(tweede.id as UUID?))
                let html = String(buffer: try await client.send(.get, pad, token: harness.coordinator).body)
                let csv = String(buffer: try await client.send(.get, pad + "?formaat=csv", token: harness.coordinator).body)
                for tekst in [html, csv] {
                    #expect(!tekst.contains("Goedkeurder") && !tekst.contains("Neill"), "\(tekst)")
                    #expect(tekst.contains("[verwijderd]"))
                }
            }
        }
    }

    @Test func aListIsRefusedForDossiersNotYetDueToKeepOrUnknownAndARefusalDestroysNothing() async throws {
        try await APITestHarness.with { harness in
            let tweede = try await harness.dependencies.tokens.create(.coordinator, naam: "Tweede Coördinator").token
            try await harness.test { client async throws in
                let bewaren = try await ArchiefTests.besloten(client, harness)
                #expect(try await ArchiefTests.put(client, bewaren, harness.coordinator, #"{"selectielijstcategorie": "1.2"}"#).status == .ok)
                let later = try await client.openDossier(token: harness.coordinator)
                try await client.command("intrekking", on: later, token: harness.coordinator, json: Fixtures.intrekking)
                #expect(try await ArchiefTests.put(client, later, harness.coordinator, #"{"selectielijstcategorie": "2.1"}"#).status == .ok)
                let open = try await client.openDossier(token: harness.coordinator)
                let klaar = try await Self.vernietigbaar(client, harness)

                for (ids, woord) in [([bewaren], "blijvend bewaren"), ([later], "nog niet gekomen"), ([open], "nog niet besloten"), ([klaar, bewaren], "blijvend bewaren")] {
                    let antwoord = try await Self.voorstel(client, ids, token: harness.coordinator)
                    #expect(antwoord.status == .conflict, "\(ids)")
                    let detail = (try? antwoord.problem.detail) ?? nil
                    #expect(detail?.contains(woord) == true, "\(detail ?? "")")
                }
                #expect(try await Self.voorstel(client, [UUID().uuidString.lowercased()], token: harness.coordinator).status == .notFound)
                #expect(try await Self.voorstel(client, [], token: harness.coordinator).status == .badRequest)
                #expect(try await Self.voorstel(client, [klaar, klaar], token: harness.coordinator).status == .badRequest)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten", token: harness.coordinator, json: #"{"dossiers": ["geen-id"]}"#).status == .badRequest)
                #expect(try await Self.voorstel(client, [klaar], token: harness.vng).status == .forbidden)
                #expect((try await client.send(.get, "/v1/vernietigingslijsten", token: harness.coordinator).object["resultaten"] as? [Any])?.isEmpty == true)

                let lijstID = try #require(try await Self.voorstel(client, [klaar], token: harness.coordinator).object["id"] as? String)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/afwijzing", token: tweede, json: "{}").status == .badRequest)
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/afwijzing", token: harness.coordinator, json: #"{"reden": "eigen"}"#).status == .forbidden)
                let afgewezen = try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/afwijzing", token: tweede, json: #"{"reden": "Nog nodig voor een evaluatie."}"#)
                #expect(afgewezen.status == .ok)
                #expect(try afgewezen.object["status"] as? String == "afgewezen")
                #expect(try afgewezen.object["redenAfwijzing"] as? String == "Nog nodig voor een evaluatie.")
                #expect(try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: tweede).status == .conflict)
                #expect(try await client.send(.get, "/v1/dossiers/\(klaar)/documenten", token: harness.coordinator).status == .ok)
                #expect(try await client.send(.get, "/v1/vernietigingslijsten/\(UUID().uuidString)", token: harness.coordinator).status == .notFound)
                // Refused, the dossier may go on a new list.
                #expect(try await Self.voorstel(client, [klaar], token: harness.coordinator).status == .created)
            }
        }
    }

    @Test func inTheBrowserOneCoordinatorProposesAndAnotherApproves() async throws {
        try await APITestHarness.with { harness in
            _ = try await harness.account("cora@bzk.example", hoedanigheid: .coordinator, naam: "Cora Voorsteller")
            _ = try await harness.account("dirk@bzk.example", hoedanigheid: .coordinator, naam: "Dirk Goedkeurder")
            try await harness.test { client async throws in
                let id = try await Self.vernietigbaar(client, harness)
                let documenten = try #require(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
                let documentID = try #require(documenten.first?["id"] as? String)
                let cora = try await harness.ingelogd(client, "cora@bzk.example")
                let overzicht = try await cora.get("/vernietigingslijsten")
                #expect(overzicht.status == .ok)
                #expect(overzicht.tekst.contains(#"value="\#(id)""#))
                #expect(overzicht.tekst.contains("Er zijn nog geen vernietigingslijsten."))
                let leeg = try await cora.post("/vernietigingslijsten", [])
                #expect(leeg.status == .badRequest)
                #expect(leeg.tekst.contains("kies ten minste één dossier"))
                let voorgesteld = try await cora.post("/vernietigingslijsten", [("dossiers[]", id)])
                #expect(voorgesteld.status == .seeOther)
                let pad = try #require(voorgesteld.locatie?.split(separator: "?").first.map(String.init))
                let eigen = try await cora.get(pad)
                #expect(eigen.tekst.contains("U hebt deze lijst voorgesteld."))
                #expect(!eigen.tekst.contains("Goedkeuren en vernietigen"))
                #expect(try await cora.post(pad + "/goedkeuring", []).status == .forbidden)

                let dirk = try await harness.ingelogd(client, "dirk@bzk.example")
                let lijst = try await dirk.get(pad)
                #expect(lijst.tekst.contains("Goedkeuren en vernietigen") && lijst.tekst.contains("Cora Voorsteller"))
                #expect(try await dirk.post(pad + "/afwijzing", [("reden", "")]).status == .badRequest)
                let goedgekeurd = try await dirk.post(pad + "/goedkeuring", [])
                #expect(goedgekeurd.status == .seeOther)
                let na = try await dirk.get(pad)
                #expect(na.tekst.contains("Goedgekeurd, vernietigd") && na.tekst.contains("Verklaring van vernietiging"))
                let verklaring = try await dirk.get(pad + "/verklaring")
                #expect(verklaring.status == .ok && verklaring.tekst.contains("Dirk Goedkeurder"))
                let dossier = try await dirk.get("/dossiers/\(id)")
                #expect(dossier.tekst.contains("Dit dossier is vernietigd op"))
                #expect(!dossier.tekst.contains("/documenten/\(documentID)/inhoud"))
                #expect(try await dirk.get("/dossiers/\(id)/documenten/\(documentID)/inhoud").status == .gone)
                #expect(try await WebBrowser(client).get("/vernietigingslijsten").status == .seeOther)
            }
        }
    }

    @Test func aCommandDuringTheDestructionCompletesFirstOrIsRefusedNeverHalf() async throws {
        try await APITestHarness.with { harness in
            let tweede = try await harness.dependencies.tokens.create(.coordinator, naam: "Tweede Coördinator").token
            try await harness.test { client async throws in
                let id = try await ArchiefTests.besloten(client, harness)
                #expect(try await ArchiefTests.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "2.3"}"#).status == .ok)
                let lijstID = try #require(try await Self.voorstel(client, [id], token: harness.coordinator).object["id"] as? String)
                let statussen = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for n in 0..<12 {
                        group.addTask {
                            try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator,
                                                  json: #"{"nummer": "36000-\#(n + 1)", "titel": "Brief", "datum": "2026-03-01"}"#).status
                        }
                    }
                    group.addTask {
                        try await client.send(.post, "/v1/vernietigingslijsten/\(lijstID)/goedkeuring", token: tweede).status
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statussen.allSatisfy { $0 == .created || $0 == .conflict || $0 == .ok }, "\(statussen)")
                #expect(statussen.contains(.ok))
                let types = try await harness.pool.withConnection { connection in
                    try connection.query("SELECT type FROM events WHERE stream_id = $1 ORDER BY version", [.text("dossier-" + id)]).map { try $0.string("type") }
                }
                // Every accepted command lies before the destruction, and the destruction is the last event.
                #expect(types.last == "DossierVernietigd")
                #expect(types.filter { $0 == "KamerstukGekoppeld" }.count == statussen.filter { $0 == .created }.count)
                #expect(try await harness.dependencies.service.store.verify().isIntact)
            }
        }
    }
}
