import EventStore
import Foundation
import Postgres
import Testing

@Suite struct FeedTests {
    @Test func aReaderStopsBeforeAnOpenTransactionAndReadsItOnceItCommits() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let before = try await store.append(to: "zero", streamType: "dossier", expectedVersion: .noStream, events: [event()])

            let writerA = try database.connect()
            try writerA.executeScript("BEGIN")
            let a = try EventStore.append(on: writerA, to: "a", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let b = try await store.append(to: "b", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            #expect(a.events[0].transactionID < b.events[0].transactionID)

            let first = try await readFeed(store, after: nil, expecting: 1)
            #expect(first.events.map(\.eventID) == before.events.map(\.eventID))
            let stillWaiting = try await store.readAll(after: first.cursor, limit: 100)
            #expect(stillWaiting.events.isEmpty)
            #expect(stillWaiting.cursor == first.cursor)

            try writerA.executeScript("COMMIT")
            let second = try await readFeed(store, after: first.cursor, expecting: 2)
            #expect(second.events.map(\.eventID) == [a.events[0].eventID, b.events[0].eventID])
            let third = try await store.readAll(after: second.cursor, limit: 100)
            #expect(third.events.isEmpty)
            await store.pool.close()
        }
    }

    @Test func concurrentWritersAndAPollingReaderSeeEveryEventExactlyOnce() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore(maximumConnections: 10)
            let writers = 6
            let appendsPerWriter = 40
            let reader = Task { () -> [UUID] in
                var seen: [UUID] = []
                var cursor: FeedCursor?
                while seen.count < writers * appendsPerWriter * 2 {
                    let page = try await store.readAll(after: cursor, limit: 17)
                    seen += page.events.map(\.eventID)
                    cursor = page.cursor
                    if page.events.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
                }
                return seen
            }
            let written = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var ids: [UUID] = []
                        for _ in 0..<appendsPerWriter {
                            let result = try await store.append(to: "w\(writer)", streamType: "dossier", expectedVersion: .any, events: [event(), event()])
                            ids += result.events.map(\.eventID)
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let seen = try await reader.value
            #expect(seen.count == written.count)
            #expect(Set(seen) == Set(written))
            #expect(Set(seen).count == seen.count)
            let afterAll = try await store.readAll(after: nil, limit: 10_000)
            #expect(afterAll.events.map(\.eventID) == seen)
            await store.pool.close()
        }
    }

    @Test func aCursorSurvivesItsStringToken() throws {
        let recorded = RecordedEvent(
            position: 42, transactionID: 9_876_543_210, streamID: "s", streamType: "t", version: 1, eventID: UUID(),
            type: "x", schemaVersion: 1, data: Data(), metadata: Data(), recordedAt: Date(), previousHash: Data(), hash: Data()
        )
        let cursor = FeedCursor(after: recorded)
        #expect(FeedCursor(token: cursor.token) == cursor)
        #expect(FeedCursor(token: "nonsense") == nil)
        #expect(FeedCursor(token: "f1.1") == nil)
    }
}
