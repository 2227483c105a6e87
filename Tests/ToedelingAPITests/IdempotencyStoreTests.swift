import Dossiers
import Foundation
import Logging
import Postgres
import Testing

@testable import ToedelingAPI

@Suite("Idempotency records in PostgreSQL")
struct IdempotencyStoreTests {
    @Test func aClaimIsExclusiveUntilCompletedOrAbandoned() async throws {
        try await APITestHarness.with { harness in
            let tokenID = try #require(try await harness.dependencies.tokens.authenticate(token: harness.coordinator)?.tokenID)
            let store = IdempotencyStore(pool: harness.pool)
            let hash = Data(repeating: 7, count: 32)
            #expect(try await store.claim(tokenID: tokenID, key: "a", requestHash: hash) == .claimed)
            #expect(try await store.claim(tokenID: tokenID, key: "a", requestHash: hash) == .inProgress)
            #expect(try await store.claim(tokenID: tokenID, key: "a", requestHash: Data(repeating: 8, count: 32)) == .mismatch)

            let impatient = IdempotencyStore(pool: harness.pool, abandonedAfterSeconds: 0)
            try await Task.sleep(for: .milliseconds(20))
            #expect(try await impatient.claim(tokenID: tokenID, key: "a", requestHash: hash) == .claimed)

            let response = StoredResponse(status: 201, headers: ["ETag": "\"1\""], body: Data("{}".utf8))
            try await store.complete(tokenID: tokenID, key: "a", response: response)
            #expect(try await impatient.claim(tokenID: tokenID, key: "a", requestHash: hash) == .completed(response))
        }
    }

    @Test func aRecordPastItsTimeToLiveIsForgottenAndRemoved() async throws {
        try await APITestHarness.with { harness in
            let tokenID = try #require(try await harness.dependencies.tokens.authenticate(token: harness.coordinator)?.tokenID)
            let store = IdempotencyStore(pool: harness.pool, timeToLiveSeconds: 3600)
            let response = StoredResponse(status: 201, headers: [:], body: Data("{}".utf8))
            for key in ["oud", "nieuw"] {
                #expect(try await store.claim(tokenID: tokenID, key: key, requestHash: Data(repeating: 1, count: 32)) == .claimed)
                try await store.complete(tokenID: tokenID, key: key, response: response)
            }
            try await harness.pool.withConnection { connection in
                try connection.execute("UPDATE idempotency_keys SET claimed_at = now() - interval '2 hours' WHERE key = 'oud'")
            }
            // Expired: the key is free again, also for another request.
            #expect(try await store.claim(tokenID: tokenID, key: "oud", requestHash: Data(repeating: 2, count: 32)) == .claimed)
            #expect(try await store.claim(tokenID: tokenID, key: "nieuw", requestHash: Data(repeating: 2, count: 32)) == .mismatch)
            try await harness.pool.withConnection { connection in
                try connection.execute("UPDATE idempotency_keys SET claimed_at = now() - interval '2 hours' WHERE key = 'oud'")
            }
            #expect(try await store.removeExpired() == 1)
            let left = try await harness.pool.withConnection { connection in
                try connection.query("SELECT key FROM idempotency_keys ORDER BY key").map { try $0.string("key") }
            }
            #expect(left == ["nieuw"])
        }
    }

    @Test func aReleasedClaimCanBeClaimedAgain() async throws {
        try await APITestHarness.with { harness in
            let tokenID = try #require(try await harness.dependencies.tokens.authenticate(token: harness.liaison)?.tokenID)
            let store = IdempotencyStore(pool: harness.pool)
            let hash = Data(repeating: 1, count: 32)
            #expect(try await store.claim(tokenID: tokenID, key: "b", requestHash: hash) == .claimed)
            try await store.release(tokenID: tokenID, key: "b")
            #expect(try await store.claim(tokenID: tokenID, key: "b", requestHash: hash) == .claimed)
        }
    }
}
