import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("Idempotency-Key")
struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test func aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseAndWritesNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let first = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [Self.key: "k-1"])
                #expect(first.status == .created)
                let eventsAfterFirst = try harness.database.count("events")
                let second = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [Self.key: "k-1"])
                #expect(second.status == .created)
                #expect(second.body == first.body)
                #expect(second.headers[.location] == first.headers[.location])
                #expect(second.headers[.eTag] == first.headers[.eTag])
                #expect(second.headers[.contentType] == first.headers[.contentType])
                #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                #expect(try harness.database.count("dossiers") == 1)
                #expect(try harness.database.count("events") == eventsAfterFirst)
            }
        }
    }

    @Test func aRetryWhoseKeptResponseWasLostStillWritesNothingTwice() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let first = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [Self.key: "k-lost"])
                #expect(first.status == .created)
                // The command committed but its kept response never did (the database failed in between).
                try harness.database.connect().execute("DELETE FROM idempotency_keys")
                let retry = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [Self.key: "k-lost"])
                #expect(retry.status == .conflict)
                #expect(try retry.problem.status == 409)
                #expect(try harness.database.count("dossiers") == 1)
                #expect(try harness.database.count("events") == 1)
            }
        }
    }

    @Test func theSameKeyWithAnotherBodyIs422AndWritesNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let first = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier, headers: [Self.key: "k-2"])
                #expect(first.status == .created)
                let other = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.dossier(titel: "Iets anders"),
                    headers: [Self.key: "k-2"])
                #expect(other.status == .unprocessableContent)
                #expect(try other.problem.status == 422)
                #expect(try harness.database.count("dossiers") == 1)
            }
        }
    }

    @Test func aRefusalIsReplayedToo() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let body = #"{"titel": ""}"#
                let first = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: body, headers: [Self.key: "k-3"])
                #expect(first.status == .badRequest)
                let second = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: body, headers: [Self.key: "k-3"])
                #expect(second.status == .badRequest)
                #expect(second.body == first.body)
                #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            }
        }
    }

    @Test func keysAreScopedToTheToken() async throws {
        try await APITestHarness.with { harness in
            let (_, second) = try await harness.dependencies.tokens.create(.coordinator, naam: "Tweede")
            try await harness.test { client async throws in
                for token in [harness.coordinator, second] {
                    let response = try await client.send(
                        .post, "/v1/dossiers", token: token, json: Fixtures.nieuwDossier, headers: [Self.key: "gedeeld"])
                    #expect(response.status == .created)
                    #expect(response.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
                }
                #expect(try harness.database.count("dossiers") == 2)
            }
        }
    }

    @Test func anUnusableKeyIs400() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.send(
                    .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier,
                    headers: [Self.key: String(repeating: "x", count: 256)])
                #expect(response.status == .badRequest)
                #expect(try response.problem.invalidParams?.first?.name == "Idempotency-Key")
                #expect(try harness.database.count("dossiers") == 0)
            }
        }
    }

    @Test func parallelDuplicatesWriteOnce() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            try await client.send(
                                .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier,
                                headers: [Self.key: "parallel"])
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let created = responses.filter { $0.status == .created }
                let stillBusy = responses.filter { $0.status == .conflict }
                #expect(created.count + stillBusy.count == responses.count, "\(responses.map(\.status))")
                #expect(!created.isEmpty)
                #expect(Set(created.map(\.body)).count == 1)
                #expect(try harness.database.count("dossiers") == 1)
            }
        }
    }
}
