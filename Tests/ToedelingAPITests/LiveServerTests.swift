import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("Over a real socket")
struct LiveServerTests {
    @Test func theServedApplicationBehavesTheSameOverHTTP() async throws {
        try await APITestHarness.with { harness in
            try await harness.application().test(.live) { client async throws in
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .ok)
                #expect(health.headers[HTTPField.Name("API-Version")!] == "1.0.0")
                let wrongMethod = try await client.execute(uri: "/v1/dossiers", method: .patch)
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow] == "POST, GET, HEAD")
                // HEAD over a real socket: the GET's status and headers, no body.
                let get = try await client.execute(uri: "/v1/openapi.json", method: .get)
                let head = try await client.execute(uri: "/v1/openapi.json", method: .head)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
                #expect(head.headers[.contentType] == get.headers[.contentType])
                #expect(head.headers[.contentLength] == String(get.body.readableBytes))
                #expect(try await client.execute(uri: "/v1/dossiers/", method: .get).status == .notFound)

                let tooLarge = ByteBuffer(repeating: UInt8(ascii: " "), count: 2 << 20)
                let refused = try await client.execute(
                    uri: "/v1/dossiers", method: .post,
                    headers: [.authorization: "Bearer \(harness.coordinator)", .contentType: "application/json"], body: tooLarge)
                #expect(refused.status == .contentTooLarge)
                #expect(try refused.problem.status == 413)

                let key = HTTPField.Name("Idempotency-Key")!
                let opened = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [key: "live"])
                #expect(opened.status == .created)
                let replayed = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [key: "live"])
                #expect(replayed.status == .created)
                #expect(replayed.body == opened.body)
                #expect(try harness.database.count("dossiers") == 1)
            }
        }
    }
}
