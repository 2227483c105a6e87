import Dossiers
import Foundation
import Logging
import Postgres
import Testing

@testable import ToedelingAPI
import ServerTestSupport

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
            let claim = UUID()
            #expect(try await store.claim(tokenID: tokenID, key: "b", requestHash: hash, claimID: claim) == .claimed)
            try await store.release(tokenID: tokenID, key: "b", claimID: claim)
            #expect(try await store.claim(tokenID: tokenID, key: "b", requestHash: hash) == .claimed)
        }
    }

    /// A claim made on a database session that has ended since (its server instance died, or
    /// PostgreSQL failed over) is taken over by the next request at once, not after 60 s; the
    /// request that made it can then no longer give up the claim the retry holds.
    @Test func aClaimWhoseSessionEndedIsTakenOverAtOnce() async throws {
        try await APITestHarness.with { harness in
            let tokenID = try #require(try await harness.dependencies.tokens.authenticate(token: harness.coordinator)?.tokenID)
            let hash = Data(repeating: 3, count: 32)
            let first = UUID()
            let elsewhere = PostgresConnectionPool(connectionString: harness.database.url, maximumConnections: 1, logger: Logger(label: "test"))
            #expect(try await IdempotencyStore(pool: elsewhere).claim(tokenID: tokenID, key: "c", requestHash: hash, claimID: first) == .claimed)
            let store = IdempotencyStore(pool: harness.pool)
            // Its session is alive: the claim holds.
            #expect(try await store.claim(tokenID: tokenID, key: "c", requestHash: hash) == .inProgress)
            await elsewhere.close()
            // The server process of the closed session exits a moment after the client left.
            let retry = UUID()
            var outcome = IdempotencyClaim.inProgress
            for _ in 0..<500 where outcome == .inProgress {
                outcome = try await store.claim(tokenID: tokenID, key: "c", requestHash: hash, claimID: retry)
                if outcome == .inProgress { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(outcome == .claimed)
            // The first request's late release leaves the retry's claim alone.
            try await store.release(tokenID: tokenID, key: "c", claimID: first)
            #expect(try await store.claim(tokenID: tokenID, key: "c", requestHash: hash) == .inProgress)
            try await store.release(tokenID: tokenID, key: "c", claimID: retry)
            #expect(try await store.claim(tokenID: tokenID, key: "c", requestHash: hash) == .claimed)
        }
    }
}
