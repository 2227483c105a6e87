import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Taaktoedeling
import Testing
import ToedelingTestSupport
import ToedelingAPI
import ServerTestSupport

@Suite("Archive: selectielijst category, derived archive facts, transfer")
struct ArchiefTests {
    static func besloten(_ client: any TestClientProtocol, _ harness: APITestHarness) async throws -> String {
        let id = try await client.openDossier(token: harness.coordinator)
        try await client.command("toetsingen", on: id, token: harness.coordinator, json: Fixtures.toetsingProvincie)
        try await client.command("besluiten", on: id, token: harness.coordinator, json: #"{"bestuurslaag": "rijk", "motivering": "Landelijke uniformiteit."}"#)
        return id
    }

    static func put(_ client: any TestClientProtocol, _ id: String, _ token: String, _ body: String) async throws -> TestResponse {
        try await client.send(.put, "/v1/dossiers/\(id)/archivering", token: token, json: body)
    }

    @Test func aDecidedDossierIsArchivedUnderItsCategoryAndTransferredAfterwhichNothingChanges() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let open = try await client.openDossier(token: harness.coordinator)
                #expect(try await client.send(.get, "/v1/dossiers/\(open)", token: harness.coordinator).object["archivering"] is NSNull)
                #expect(try await Self.put(client, open, harness.coordinator, #"{"selectielijstcategorie": "1.2"}"#).status == .conflict)

                let id = try await Self.besloten(client, harness)
                let vandaag = AmsterdamseTijd.kalenderdatum(van: Date())
                let voor = try #require(try await client.send(.get, "/v1/dossiers/\(id)", token: harness.liaison).object["archivering"] as? [String: Any])
                #expect(voor["archiefstatus"] as? String == "nogTeArchiveren")
                #expect(voor["brondatum"] as? String == vandaag.description)
                #expect(voor["selectielijstcategorie"] is NSNull && voor["archiefactiedatum"] is NSNull)

                let onbekend = try await Self.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "9.9"}"#)
                #expect(onbekend.status == .badRequest)
                #expect(try onbekend.problem.invalidParams?.first?.reason.contains("1.1, 1.2") == true)
                #expect(try await Self.put(client, id, harness.coordinator, #"{"categorie": "1.2"}"#).status == .badRequest)
                #expect(try await Self.put(client, id, harness.liaison, #"{"selectielijstcategorie": "1.2"}"#).status == .forbidden)

                let gearchiveerd = try await Self.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "1.2"}"#)
                #expect(gearchiveerd.status == .ok, "\(String(buffer: gearchiveerd.body))")
                let archief = try #require(try gearchiveerd.object["archivering"] as? [String: Any])
                #expect(archief["selectielijstcategorie"] as? String == "1.2")
                #expect(archief["archiefnominatie"] as? String == "blijvendBewaren")
                #expect(archief["bewaartermijn"] is NSNull)
                #expect(archief["archiefstatus"] as? String == "gearchiveerd")
                #expect(archief["archiefactiedatum"] as? String == Bewaartermijn("P10Y")!.na(vandaag).description)
                let tijdlijn = String(buffer: try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator).body)
                #expect(tijdlijn.contains("selectielijstcategorie 1.2"))

                let overdracht = try await client.send(.post, "/v1/dossiers/\(id)/overdracht", token: harness.coordinator, json: #"{"ontvangstbevestiging": "EDEPOT-2026-77"}"#)
                #expect(overdracht.status == .created)
                #expect((try overdracht.object["archivering"] as? [String: Any])?["archiefstatus"] as? String == "overgedragen")
                // Read-only afterwards: every command, a document and the category are refused.
                let kamerstuk = try await client.send(.post, "/v1/dossiers/\(id)/kamerstukken", token: harness.coordinator, json: Fixtures.kamerstuk)
                #expect(kamerstuk.status == .conflict)
                #expect(try kamerstuk.problem.detail?.contains("overgedragen") == true)
                #expect(try await client.upload(Upload(), to: id, token: harness.coordinator).status == .conflict)
                #expect(try await Self.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "1.1"}"#).status == .conflict)
                #expect(try await client.send(.post, "/v1/dossiers/\(id)/heropening", token: harness.coordinator, json: Fixtures.heropening).status == .conflict)
                #expect(try await harness.documentRows().blokken == 0)
            }
        }
    }

    @Test func aWithdrawnDossierToDestroyIsListedOnceItsDateHasComeAndCannotBeTransferred() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("intrekking", on: id, token: harness.coordinator, json: Fixtures.intrekking)
                let tienJaar = try await Self.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "2.1"}"#)
                #expect(tienJaar.status == .ok)
                #expect((try await client.send(.get, "/v1/archiefacties", token: harness.coordinator).object["resultaten"] as? [Any])?.isEmpty == true)
                #expect(try await Self.put(client, id, harness.coordinator, #"{"selectielijstcategorie": "2.3"}"#).status == .ok)
                let lijst = try #require(try await client.send(.get, "/v1/archiefacties", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
                #expect(lijst.map { $0["id"] as? String } == [id])
                #expect((lijst.first?["archivering"] as? [String: Any])?["archiefnominatie"] as? String == "vernietigen")
                #expect(try await client.send(.get, "/v1/archiefacties", token: harness.liaison).status == .forbidden)
                let overdracht = try await client.send(.post, "/v1/dossiers/\(id)/overdracht", token: harness.coordinator, json: #"{"ontvangstbevestiging": "X"}"#)
                #expect(overdracht.status == .conflict)
                let selectielijst = try await client.send(.get, "/v1/selectielijst", token: harness.liaison).object
                #expect((selectielijst["categorieen"] as? [[String: Any]])?.count == 5)
            }
        }
    }
}
