import Dossiers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import ToedelingAPI

@Suite("Bearer tokens")
struct AuthenticationTests {
    @Test func missingMalformedAndUnknownTokensAre401WithChallenge() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let attempts: [HTTPFields] = [
                    [:],
                    [.authorization: "Bearer"],
                    [.authorization: "Basic dXNlcjpwYXNz"],
                    [.authorization: "Bearer tdl_onzin"],
                    [.authorization: "Bearer tdl_" + String(repeating: "A", count: 43)],
                    [.authorization: "Bearer " + harness.coordinator + "x"],
                ]
                for headers in attempts {
                    let response = try await client.execute(uri: "/v1/dossiers", method: .get, headers: headers)
                    #expect(response.status == .unauthorized, "\(headers)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(try response.problem.status == 401)
                }
            }
        }
    }

    @Test func theSchemeIsCaseInsensitive() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let response = try await client.execute(
                    uri: "/v1/dossiers", method: .get, headers: [.authorization: "bearer \(harness.liaison)"])
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        try await APITestHarness.with { harness in
            let tokens = harness.dependencies.tokens
            let (id, token) = try await tokens.create(rol: .liaison, naam: "Tijdelijk")
            try await harness.test { client async throws in
                #expect(try await client.send(.get, "/v1/dossiers", token: token).status == .ok)
                #expect(try await tokens.revoke(id: id))
                #expect(try await client.send(.get, "/v1/dossiers", token: token).status == .unauthorized)
            }
            #expect(try await tokens.revoke(id: id) == false)
            let listed = try await tokens.list().first { $0.id == id }
            #expect(listed?.revokedAt != nil)
        }
    }

    @Test func theOpenAPIDocumentAndOperationsEndpointsArePublic() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                #expect(try await client.execute(uri: "/v1/openapi.json", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/metrics", method: .get).status == .ok)
            }
        }
    }

    @Test func onlyTheHashOfATokenIsStored() async throws {
        try await APITestHarness.with { harness in
            let (id, token) = try await harness.dependencies.tokens.create(rol: .coordinator, naam: "Nieuw")
            #expect(token.hasPrefix("tdl_"))
            #expect(token.count == 47)
            let row = try harness.database.connect().query(
                "SELECT token_hash FROM api_tokens WHERE id = $1", [.uuid(id)]
            ).first!
            let stored = try row.data("token_hash")
            #expect(stored.count == 32)
            #expect(stored != Data(token.utf8))
            let authenticated = try await harness.dependencies.tokens.authenticate(token: token)
            #expect(authenticated?.tokenID == id)
            #expect(authenticated?.rol == .coordinator)
        }
    }

    @Test func tokenCreationChecksRoleAndKoepel() async throws {
        try await APITestHarness.with { harness in
            let tokens = harness.dependencies.tokens
            await #expect(throws: TokenStoreError.koepelRequired) { try await tokens.create(rol: .koepel, naam: "X") }
            await #expect(throws: TokenStoreError.koepelNotAllowed) {
                try await tokens.create(rol: .liaison, naam: "X", koepel: .VNG)
            }
            await #expect(throws: TokenStoreError.emptyName) { try await tokens.create(rol: .liaison, naam: "  ") }
        }
    }
}

/// The server remembers an authentication for a second (`TokenCache`), so a GET asks the database
/// once instead of twice; revocation stays prompt.
@Suite("Token cache")
struct TokenCacheTests {
    /// Revoked through the server's own store: refused with the next request. Revoked elsewhere
    /// (the admin CLI, another instance: another store on the same database): refused within the
    /// cache's second, and still accepted before that only from the cache.
    @Test func aTokenRevokedElsewhereStopsWorkingWithinASecond() async throws {
        try await APITestHarness.with { harness in
            let elsewhere = TokenStore(pool: harness.pool)
            let (id, token) = try await elsewhere.create(rol: .liaison, naam: "Elders ingetrokken")
            try await harness.test { client async throws in
                #expect(try await client.send(.get, "/v1/dossiers", token: token).status == .ok)
                #expect(try await elsewhere.revoke(id: id))
                let revokedAt = ContinuousClock.now
                var refusedAfter: Duration?
                while refusedAfter == nil, ContinuousClock.now - revokedAt < .seconds(3) {
                    if try await client.send(.get, "/v1/dossiers", token: token).status == .unauthorized {
                        refusedAfter = ContinuousClock.now - revokedAt
                    } else {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                let after = try #require(refusedAfter, "a token revoked elsewhere was still accepted after 3 s")
                #expect(after <= .milliseconds(1_300), "refused only \(after) after the revocation")
            }
        }
    }

    @Test func aCachedAuthenticationExpires() async throws {
        try await APITestHarness.with { harness in
            let cache = TokenCache(timeToLive: .milliseconds(200))
            let store = TokenStore(pool: harness.pool, cache: cache)
            let (id, token) = try await store.create(rol: .coordinator, naam: "Kort")
            #expect(try await store.authenticate(token: token)?.tokenID == id)
            // Revoked behind the cache's back: the cached actor still answers, until it expires.
            try await harness.pool.withConnection { connection in
                try connection.execute("UPDATE api_tokens SET revoked_at = now() WHERE id = $1", [.uuid(id)])
            }
            #expect(try await store.authenticate(token: token)?.tokenID == id)
            try await Task.sleep(for: .milliseconds(250))
            #expect(try await store.authenticate(token: token) == nil)
        }
    }
}
