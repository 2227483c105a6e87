import ToedelingTestSupport
import EventStore
import Foundation
import Logging
import Postgres
import Testing

@Suite struct SubscriptionTests {
    struct HandlerFailed: Error {}

    private func projectedCount(_ store: EventStore) async throws -> Int {
        try await store.pool.withConnection { try $0.query("SELECT count(*) AS n FROM seen")[0].int("n") }
    }

    private func waitUntil(_ condition: () async throws -> Bool) async throws -> Bool {
        // Long: another test's open transaction holds back the feed's horizon (cluster-wide) for a while.
        for _ in 0..<1500 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func theHandlersWorkAndTheCheckpointCommitOrRollBackTogether() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.pool.withConnection { try $0.executeScript("CREATE TABLE seen (event_id uuid PRIMARY KEY)") }
            let failNext = LockedValue(true)
            let subscription = EventSubscription(name: "projector", store: store, batchSize: 3, logger: Logger(label: "test")) { connection, events in
                for event in events { try connection.execute("INSERT INTO seen VALUES ($1)", [.uuid(event.eventID)]) }
                if failNext.withLock({ $0 }) { throw HandlerFailed() }
            }
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: (0..<7).map { _ in event() })
            let all = try await readFeed(store, after: nil, expecting: 7)
            await #expect(throws: HandlerFailed.self) { try await subscription.processAvailable() }
            #expect(try await projectedCount(store) == 0)
            #expect(try await subscription.checkpoint() == nil)

            failNext.withLock { $0 = false }
            #expect(try await subscription.processAvailable() == 7)
            #expect(try await projectedCount(store) == 7)
            #expect(try await subscription.processAvailable() == 0)
            #expect(try await subscription.checkpoint() == all.cursor)
            await store.pool.close()
        }
    }

    @Test func batchesWithoutWorkLeaveTheCheckpointForAWhileAndNothingIsSkipped() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let work = LockedValue(false)
            let seen = LockedValue<[UUID]>([])
            func subscription() -> EventSubscription {
                EventSubscription(
                    name: "outbox", store: store, batchSize: 3, logger: Logger(label: "test"), idleCheckpointInterval: .seconds(3600)
                ) { _, events in
                    seen.withLock { $0 += events.map(\.eventID) }
                    return work.withLock { $0 }
                }
            }
            let first = subscription()
            try await store.append(to: "a", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let one = try await readFeed(store, after: nil, expecting: 1)
            // The first batch stores its checkpoint (none was stored yet); the next ones, without
            // work, do not, and are not read again by the same instance.
            #expect(try await first.processAvailable() == 1)
            #expect(try await first.checkpoint() == one.cursor)
            try await store.append(to: "b", streamType: "dossier", expectedVersion: .noStream, events: (0..<5).map { _ in event() })
            let six = try await readFeed(store, after: nil, expecting: 6)
            #expect(try await first.processAvailable() == 5)
            #expect(try await first.processAvailable() == 0)
            #expect(try await first.checkpoint() == one.cursor)
            #expect(seen.withLock { $0.count } == 6)
            // Another instance (or this one after a restart) reads on from the stored checkpoint.
            let other = subscription()
            seen.withLock { $0 = [] }
            #expect(try await other.processAvailable() == 5)
            #expect(seen.withLock { $0 } == six.events.suffix(5).map(\.eventID))
            // A batch with work stores its checkpoint at once.
            work.withLock { $0 = true }
            try await store.append(to: "c", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let seven = try await readFeed(store, after: nil, expecting: 7)
            #expect(try await first.processAvailable() == 1)
            #expect(try await first.checkpoint() == seven.cursor)
            #expect(try await other.processAvailable() == 0)
            await store.pool.close()
        }
    }

    @Test func aRunningSubscriptionWakesForAppendsInThisProcessAndFromOtherInstances() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let otherInstance = database.makeStore(notifiesOtherInstances: true)
            let notifier = Task { await otherInstance.runNotifications() }
            try await store.pool.withConnection { try $0.executeScript("CREATE TABLE seen (event_id uuid PRIMARY KEY)") }
            let subscription = EventSubscription(name: "live", store: store, pollInterval: .seconds(3600), logger: Logger(label: "test")) { connection, events in
                for event in events { try connection.execute("INSERT INTO seen VALUES ($1)", [.uuid(event.eventID)]) }
            }
            let running = Task { try await subscription.run() }
            try await Task.sleep(for: .milliseconds(300))

            try await store.append(to: "local", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            #expect(try await waitUntil { try await projectedCount(store) == 1 })

            try await otherInstance.append(to: "remote", streamType: "dossier", expectedVersion: .noStream, events: [event(), event()])
            #expect(try await waitUntil { try await projectedCount(store) == 3 })

            running.cancel()
            try await running.value
            notifier.cancel()
            await notifier.value
            await otherInstance.pool.close()
            await store.pool.close()
        }
    }

    @Test func aSubscriptionWithAMinimumIntervalReadsCommitsInBatchesAndMissesNone() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let batches = LockedValue<[(at: ContinuousClock.Instant, ids: [UUID])]>([])
            let subscription = EventSubscription(
                name: "rustig", store: store, pollInterval: .seconds(3600), logger: Logger(label: "test"), idleCheckpointInterval: .zero,
                minimumInterval: .milliseconds(400)
            ) { _, events in
                batches.withLock { $0.append((ContinuousClock.now, events.map(\.eventID))) }
                return true
            }
            let running = Task { try await subscription.run() }
            try await Task.sleep(for: .milliseconds(300))
            var appended: [UUID] = []
            for index in 0..<20 {
                let new = event()
                try await store.append(to: "s\(index)", streamType: "dossier", expectedVersion: .noStream, events: [new])
                appended.append(new.eventID)
            }
            #expect(try await waitUntil { batches.withLock { $0.flatMap(\.ids) }.count == 20 })
            running.cancel()
            try await running.value
            let gezien = batches.withLock { $0 }
            // Every event once, in feed order; the feed looked at no more often than every 400 ms
            // (measured here at the handler, which runs a moment after each look began).
            #expect(gezien.flatMap(\.ids) == appended)
            for (eerder, later) in zip(gezien, gezien.dropFirst()) {
                #expect(later.at - eerder.at >= .milliseconds(250), "\(later.at - eerder.at)")
            }
            #expect(gezien.count < 20, "commits read in batches")
            await store.pool.close()
        }
    }

    @Test func aSubscriptionThatBeginsAtTheFeedsEndOnAnEmptyFeedMissesNothingThatFollows() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let seen = LockedValue<[UUID]>([])
            func subscription() -> EventSubscription {
                EventSubscription(
                    name: "vanaf-het-einde", store: store, logger: Logger(label: "test"), start: { connection in try EventStore.feedEnd(on: connection) }
                ) { _, events in seen.withLock { $0 += events.map(\.eventID) } }
            }
            // Its first look finds the feed empty: where it begins is fixed then, not at a later look.
            let first = subscription()
            #expect(try await first.processAvailable() == 0)
            #expect(try await first.checkpoint() != nil)
            var appended: [UUID] = []
            for index in 0..<3 {
                let new = event()
                try await store.append(to: "e\(index)", streamType: "dossier", expectedVersion: .noStream, events: [new])
                appended.append(new.eventID)
            }
            _ = try await readFeed(store, after: nil, expecting: 3)
            #expect(try await first.processAvailable() == 3)
            #expect(seen.withLock { $0 } == appended)
            // Fixed before it runs (as the server does at start), on an empty feed too.
            try await store.pool.withConnection { try $0.execute("DELETE FROM subscription_checkpoints") }
            let later = subscription()
            try await later.establishStart()
            let eerder = try await readFeed(store, after: nil, expecting: 3)
            #expect(try await later.checkpoint() == eerder.cursor)
            await store.pool.close()
        }
    }
}
