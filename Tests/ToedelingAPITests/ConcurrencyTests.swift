import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("Concurrency through HTTP")
struct ConcurrencyTests {
    static func kamerstuk(_ index: Int) -> String {
        #"{"nummer": "33047-\#(index)", "titel": "Stuk \#(index)", "datum": "2026-03-01"}"#
    }

    /// Sends `count` Kamerstuk commands at once, each through one of `clients` in turn.
    static func parallelKamerstukken(
        _ count: Int, on id: String, token: String, ifMatch: String?, clients: [any TestClientProtocol], numberedFrom first: Int = 0
    ) async throws -> [TestResponse] {
        try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for index in 0..<count {
                let client = clients[index % clients.count]
                group.addTask {
                    var headers: HTTPFields = [:]
                    if let ifMatch { headers[.ifMatch] = ifMatch }
                    return try await client.send(
                        .post, "/v1/dossiers/\(id)/kamerstukken", token: token, json: kamerstuk(first + index), headers: headers)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// The versions of the dossier's stored events, in order.
    static func versions(of id: String, client: any TestClientProtocol, token: String) async throws -> [Int] {
        let events = try await client.send(.get, "/v1/dossiers/\(id)/gebeurtenissen", token: token).object
        return (events["gebeurtenissen"] as? [[String: Any]] ?? []).compactMap { $0["versie"] as? Int }
    }

    @Test func twentyParallelCommandsWithTheSameIfMatchGiveOne201AndNineteen412() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let responses = try await Self.parallelKamerstukken(
                    20, on: id, token: harness.coordinator, ifMatch: "\"1\"", clients: [client])
                #expect(responses.filter { $0.status == .created }.count == 1)
                #expect(responses.filter { $0.status == .preconditionFailed }.count == 19)
                for refused in responses where refused.status == .preconditionFailed {
                    #expect(try refused.problem.status == 412)
                    #expect(refused.headers[.eTag] == "\"2\"")
                }
                #expect(try await Self.versions(of: id, client: client, token: harness.coordinator) == [1, 2])
            }
        }
    }

    @Test func fiftyParallelCommandsWithoutIfMatchAreAllAppliedWithContiguousVersions() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let responses = try await Self.parallelKamerstukken(50, on: id, token: harness.coordinator, ifMatch: nil, clients: [client])
                #expect(responses.allSatisfy { $0.status == .created })
                #expect(try await Self.versions(of: id, client: client, token: harness.coordinator) == Array(1...51))
                let dossier = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.coordinator)
                #expect(dossier.headers[.eTag] == "\"51\"")
                #expect((try dossier.object["kamerstukken"] as? [Any])?.count == 50)
            }
        }
    }

    @Test func twoInstancesOnOneDatabaseKeepIdempotencyAndConcurrency() async throws {
        try await APITestHarness.with { harness in
            let secondPool = PostgresConnectionPool(
                connectionString: harness.database.url, maximumConnections: 4, logger: Logger(label: "second"))
            let second = APIDependencies(pool: secondPool, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "second"))
            let secondApplication = try await buildApplication(configuration: APIConfiguration(), dependencies: second)
            do {
                try await harness.test { first async throws in
                    try await secondApplication.test(.router) { other async throws in
                        let clients: [any TestClientProtocol] = [first, other]
                        let key = HTTPField.Name("Idempotency-Key")!
                        let duplicates = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                            for index in 0..<10 {
                                let client = clients[index % 2]
                                group.addTask {
                                    try await client.send(
                                        .post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier,
                                        headers: [key: "twee-instanties"])
                                }
                            }
                            return try await group.reduce(into: []) { $0.append($1) }
                        }
                        let created = duplicates.filter { $0.status == .created }
                        #expect(duplicates.allSatisfy { $0.status == .created || $0.status == .conflict })
                        #expect(Set(created.map(\.body)).count == 1)
                        #expect(try harness.database.count("dossiers") == 1)

                        let id = try #require(try created.first?.object["id"] as? String)
                        let raced = try await Self.parallelKamerstukken(
                            10, on: id, token: harness.coordinator, ifMatch: "\"1\"", clients: clients)
                        #expect(raced.filter { $0.status == .created }.count == 1)
                        #expect(raced.filter { $0.status == .preconditionFailed }.count == 9)

                        let applied = try await Self.parallelKamerstukken(
                            20, on: id, token: harness.coordinator, ifMatch: nil, clients: clients, numberedFrom: 100)
                        #expect(applied.allSatisfy { $0.status == .created })
                        #expect(try await Self.versions(of: id, client: other, token: harness.coordinator) == Array(1...22))
                    }
                }
                await secondPool.close()
            } catch {
                await secondPool.close()
                throw error
            }
        }
    }

    @Test func aWeakOrStaleIfMatchIs412AndAMatchingOneApplies() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                for ifMatch in ["W/\"1\"", "\"7\""] {
                    let refused = try await client.send(
                        .post, "/v1/dossiers/\(id)/kamerstukken", token: harness.liaison, json: Self.kamerstuk(1),
                        headers: [.ifMatch: ifMatch])
                    #expect(refused.status == .preconditionFailed, "\(ifMatch)")
                    #expect(refused.headers[.eTag] == "\"1\"")
                }
                let applied = try await client.send(
                    .post, "/v1/dossiers/\(id)/kamerstukken", token: harness.liaison, json: Self.kamerstuk(1),
                    headers: [.ifMatch: "\"1\""])
                #expect(applied.status == .created)
                #expect(applied.headers[.eTag] == "\"2\"")
                #expect(try await Self.versions(of: id, client: client, token: harness.coordinator) == [1, 2])
            }
        }
    }

    /// RFC 9110 §13.2.1: a request that fails without its precondition fails that way; a stale
    /// `If-Match` is answered 412 only when the request could otherwise succeed.
    @Test func failuresBeforeProcessingAnswerBeforeAStaleIfMatch() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let stale: HTTPFields = [.ifMatch: "\"7\""]
                // A round out of range is a wrong value; an unknown round does not exist.
                let nul = try await client.send(.post, "/v1/dossiers/\(id)/consultaties/0/sluiting", token: harness.coordinator, headers: stale)
                #expect(nul.status == .badRequest)
                let onbekend = try await client.send(.post, "/v1/dossiers/\(id)/consultaties/3/sluiting", token: harness.coordinator, headers: stale)
                #expect(onbekend.status == .notFound)
                // A role that may not is refused as such, and an unknown dossier is unknown.
                let rol = try await client.send(.post, "/v1/dossiers/\(id)/consultaties/1/sluiting", token: harness.liaison, headers: stale)
                #expect(rol.status == .forbidden)
                let nergens = try await client.send(
                    .post, "/v1/dossiers/\(UUID().uuidString.lowercased())/consultaties/1/sluiting", token: harness.coordinator, headers: stale)
                #expect(nergens.status == .notFound)
                // A request that could succeed is refused for its stale version.
                let geopend = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties", token: harness.coordinator, json: Fixtures.consultatie, headers: [.ifMatch: "\"1\""])
                #expect(geopend.status == .created)
                let verouderd = try await client.send(.post, "/v1/dossiers/\(id)/consultaties/1/sluiting", token: harness.coordinator, headers: [.ifMatch: "\"1\""])
                #expect(verouderd.status == .preconditionFailed)
                #expect(try await Self.versions(of: id, client: client, token: harness.coordinator) == [1, 2])
            }
        }
    }
}
