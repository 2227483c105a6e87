import Dossiers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Taaktoedeling
import Testing
import ToedelingAPI
import ServerTestSupport

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
            let (id, token) = try await tokens.create(.liaison, naam: "Tijdelijk")
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
            let (id, token) = try await harness.dependencies.tokens.create(.coordinator, naam: "Nieuw")
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
            // A koepel token without its koepel, or another token with one, cannot be asked for.
            #expect(Hoedanigheid(rol: .koepel, koepel: nil) == nil)
            #expect(Hoedanigheid(rol: .liaison, koepel: .VNG) == nil)
            #expect(Hoedanigheid(rol: .koepel, koepel: .VNG) == .koepel(.VNG))
            let (_, token) = try await tokens.create(.koepel(.VNG), naam: "VNG-bureau")
            #expect(try await tokens.authenticate(token: token)?.hoedanigheid == .koepel(.VNG))
            await #expect(throws: TokenStoreError.emptyName) { try await tokens.create(.liaison, naam: "  ") }
        }
    }
}

/// The server remembers an authentication for a second (`TokenCache`), so a GET asks the database
/// once instead of twice; revocation stays prompt.
@Suite("Token cache")
struct TokenCacheTests {
    /// A clock the test moves by hand.
    final class Klok: Sendable {
        private let start = ContinuousClock.now
        private let verschoven = Mutex(Duration.zero)
        var nu: ContinuousClock.Instant { start + verschoven.withLock { $0 } }
        func verzet(_ duur: Duration) { verschoven.withLock { $0 += duur } }
    }

    /// The server's store (with the cache) and the admin CLI's (another store, as another instance
    /// would be): revoked through the CLI, the token works on the server at most one second longer,
    /// from the cache only; revoked through the server's own store, it stops at once.
    @Test func aTokenRevokedElsewhereStopsWorkingWithinASecondAndAtOnceWhereRevoked() async throws {
        try await APITestHarness.with { harness in
            let klok = Klok()
            let server = TokenStore(pool: harness.pool, cache: TokenCache(now: { klok.nu }))
            let cli = TokenStore(pool: harness.pool)
            let (id, token) = try await cli.create(.liaison, naam: "Elders ingetrokken")
            #expect(try await server.authenticate(token: token)?.tokenID == id)
            #expect(try await cli.revoke(id: id))
            klok.verzet(.milliseconds(999))
            #expect(try await server.authenticate(token: token)?.tokenID == id, "within the second: from the cache")
            klok.verzet(.milliseconds(2))
            #expect(try await server.authenticate(token: token) == nil, "after the second the revocation holds")

            let (tweede, tweedeToken) = try await cli.create(.liaison, naam: "Hier ingetrokken")
            #expect(try await server.authenticate(token: tweedeToken)?.tokenID == tweede)
            #expect(try await server.revoke(id: tweede))
            #expect(try await server.authenticate(token: tweedeToken) == nil, "revoked through this store: at once")
        }
    }

    /// Through HTTP: a token revoked by the CLI is refused once the second has passed.
    @Test func theServerRefusesATokenRevokedElsewhereOnceTheSecondHasPassed() async throws {
        try await APITestHarness.with { harness in
            let cli = TokenStore(pool: harness.pool)
            let (id, token) = try await cli.create(.liaison, naam: "Elders ingetrokken")
            try await harness.test { client async throws in
                #expect(try await client.send(.get, "/v1/dossiers", token: token).status == .ok)
                #expect(try await cli.revoke(id: id))
                try await Task.sleep(for: .milliseconds(1_100))
                #expect(try await client.send(.get, "/v1/dossiers", token: token).status == .unauthorized)
            }
        }
    }
}
