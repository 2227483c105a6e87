import EventStore
import Foundation
import Postgres
import Testing

@Suite struct AppendTests {
    struct ProjectionFailed: Error, Equatable {}

    @Test func eventsGetContiguousVersionsAndAChainedHash() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let first = try await store.append(to: "dossier-1", streamType: "dossier", expectedVersion: .noStream, events: [event(), event("Changed")])
            let second = try await store.append(to: "dossier-1", streamType: "dossier", expectedVersion: .exact(2), events: [event("Closed")])
            #expect(first.events.map(\.version) == [1, 2])
            #expect(second.events.map(\.version) == [3])
            #expect(second.lastVersion == 3)
            #expect(first.events[0].previousHash == Data(repeating: 0, count: 32))
            #expect(first.events[1].previousHash == first.events[0].hash)
            #expect(second.events[0].previousHash == first.events[1].hash)
            #expect(first.events.allSatisfy { $0.streamType == "dossier" && $0.hash.count == 32 })
            #expect(try await store.streamVersion("dossier-1") == 3)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func sixtyFourConcurrentAppendsWithTheSameExpectedVersionLetExactlyOneWin() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore(maximumConnections: 16)
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let outcomes = try await withThrowingTaskGroup(of: Result<AppendResult, EventStoreError>.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        do {
                            return .success(try await store.append(
                                to: "s", streamType: "dossier", expectedVersion: .exact(1),
                                events: [event("Attempt", #"{"writer": \#(index)}"#), event("Attempt2", #"{"writer": \#(index)}"#)]
                            ))
                        } catch let error as EventStoreError {
                            return .failure(error)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            #expect(winners.first?.events.map(\.version) == [2, 3])
            let conflicts = outcomes.compactMap { outcome -> EventStoreError? in
                if case .failure(let error) = outcome { return error }
                return nil
            }
            #expect(conflicts.count == 63)
            #expect(conflicts.allSatisfy { $0 == .wrongExpectedVersion(streamID: "s", expected: .exact(1), actual: 3) })
            let versions = try await store.readStream("s").map(\.version)
            #expect(versions == [1, 2, 3])
            #expect(try await store.streamVersion("s") == 3)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func concurrentCreatorsOfANewStreamLetExactlyOneWin() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore(maximumConnections: 16)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        do {
                            try await store.append(to: "new", streamType: "dossier", expectedVersion: .noStream, events: [event()])
                            return true
                        } catch EventStoreError.wrongExpectedVersion(_, _, actual: 1) {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.readStream("new").map(\.version) == [1])
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func wrongExpectedVersionsCarryTheActualVersion() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            await #expect(throws: EventStoreError.wrongExpectedVersion(streamID: "missing", expected: .exact(3), actual: nil)) {
                try await store.append(to: "missing", streamType: "dossier", expectedVersion: .exact(3), events: [event()])
            }
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event(), event()])
            await #expect(throws: EventStoreError.wrongExpectedVersion(streamID: "s", expected: .noStream, actual: 2)) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            }
            let appended = try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event()])
            #expect(appended.lastVersion == 3)
            #expect(try await store.streamVersion("missing") == nil)
            await store.pool.close()
        }
    }

    @Test func reappendingTheSameEventIDsReturnsTheOriginalResultAndWritesNothing() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let events = [event("Opened", #"{"a": 1, "b": [1, 2]}"#), event("Changed")]
            let original = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: events)
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .exact(2), events: [event()])
            let replay = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: events)
            #expect(replay.wasAlreadyAppended)
            #expect(!original.wasAlreadyAppended)
            #expect(replay.events == original.events)
            #expect(try await store.streamVersion("s") == 3)
            let reordered = NewEvent(eventID: events[0].eventID, type: "Opened", data: Data(#"{"b":[1,2],"a":1}"#.utf8))
            let replayOfOne = try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [reordered])
            #expect(replayOfOne.events == [original.events[0]])
            await store.pool.close()
        }
    }

    @Test func theSameEventIDWithOtherContentIsRefused() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let id = UUID()
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event("Opened", #"{"n": 1}"#, id: id)])
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: id)) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event("Opened", #"{"n": 2}"#, id: id)])
            }
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: id)) {
                try await store.append(to: "other", streamType: "dossier", expectedVersion: .noStream, events: [event("Opened", #"{"n": 1}"#, id: id)])
            }
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: id)) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event("Opened", #"{"n": 1}"#, id: id), event()])
            }
            #expect(try await store.streamVersion("s") == 1)
            #expect(try await store.streamVersion("other") == nil)
            await store.pool.close()
        }
    }

    /// The append no longer looks every id up before writing when the version matches: the insert
    /// finds a stored id itself. A batch whose first event is new and whose second reuses an id is
    /// still refused whole, and an id stored elsewhere under a matching version is still refused.
    @Test func anIDStoredElsewhereIsRefusedEvenWhenTheVersionMatchesAndNothingOfTheBatchStays() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let stored = UUID()
            try await store.append(to: "a", streamType: "dossier", expectedVersion: .noStream, events: [event("Opened", id: stored)])
            try await store.append(to: "b", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let fresh = UUID()
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: stored)) {
                try await store.append(to: "b", streamType: "dossier", expectedVersion: .exact(1), events: [event("Changed", id: fresh), event("Opened", id: stored)])
            }
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: stored)) {
                try await store.append(to: "b", streamType: "dossier", expectedVersion: .exact(1), events: [event("Opened", id: stored)])
            }
            await #expect(throws: EventStoreError.duplicateEventWithDifferentContent(eventID: stored)) {
                try await store.append(to: "c", streamType: "dossier", expectedVersion: .any, events: [event("Changed", id: fresh), event("Opened", id: stored)])
            }
            #expect(try await store.streamVersion("b") == 1)
            #expect(try await store.streamVersion("c") == nil)
            let count = try await store.pool.withConnection { connection in
                try connection.query("SELECT count(*) AS n FROM events WHERE event_id = $1", [.uuid(fresh)])[0].int("n")
            }
            #expect(count == 0)
            // And the stream still takes its next event at the version it had.
            let next = try await store.append(to: "b", streamType: "dossier", expectedVersion: .exact(1), events: [event("Changed", id: fresh)])
            #expect(next.events.map(\.version) == [2])
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    /// Callers of the SQL function itself (not through `EventStore`) get the same guarantees from
    /// both its paths: one statement for one event on an existing stream, the general path for new
    /// streams. Parallel appends to one stream are serialised on its row; its times never go back.
    @Test func parallelCallersOfTheSQLFunctionKeepTheChainWhole() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore(maximumConnections: 8)
            let payload = Data(#"[{"type":"Opened","schema_version":1,"data":{"n":1},"metadata":{}}]"#.utf8)
            func call(_ stream: String, expected: PostgresValue) async throws -> Int {
                try await store.pool.withConnection { connection in
                    try connection.query(
                        "SELECT count(*) AS n FROM event_store_append($1, 'dossier', $2::bigint, ARRAY[$3::uuid], $4)",
                        [.text(stream), expected, .uuid(UUID()), .jsonb(payload)]
                    )[0].int("n")
                }
            }
            // Eight creators of one new stream: exactly one wins, the others are told its version.
            let created = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { (try? await call("new", expected: .int(0))) == 1 } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(created == 1)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        for _ in 0..<20 {
                            let appended = try await call("new", expected: .null)
                            #expect(appended == 1)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await store.readStream("new")
            #expect(events.map(\.version) == Array(1...161))
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.recordedAt <= $1.recordedAt && $1.previousHash == $0.hash })
            #expect(try await store.streamVersion("new") == 161)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func theHookRunsInTheAppendTransactionAndItsFailureWritesNothing() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.pool.withConnection { try $0.executeScript("CREATE TABLE projection (stream_id text, version int8)") }
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()]) { connection, recorded in
                #expect(connection.isInTransaction)
                for event in recorded {
                    try connection.execute("INSERT INTO projection VALUES ($1, $2)", [.text(event.streamID), .int(event.version)])
                }
            }
            await #expect(throws: ProjectionFailed()) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .exact(1), events: [event()]) { connection, _ in
                    try connection.execute("INSERT INTO projection VALUES ('s', 99)")
                    throw ProjectionFailed()
                }
            }
            await #expect(throws: ProjectionFailed()) {
                try await store.append(to: "new", streamType: "dossier", expectedVersion: .noStream, events: [event()]) { _, _ in
                    throw ProjectionFailed()
                }
            }
            let projected = try await store.pool.withConnection { try $0.query("SELECT version FROM projection ORDER BY version").map { try $0.int64("version") } }
            #expect(projected == [1])
            #expect(try await store.streamVersion("s") == 1)
            #expect(try await store.streamVersion("new") == nil)
            await store.pool.close()
        }
    }

    @Test func invalidAppendsAreRefusedBeforeWriting() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            await #expect(throws: EventStoreError.noEvents) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [])
            }
            await #expect(throws: EventStoreError.invalidEventJSON) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event("Broken", "{not json")])
            }
            let version = try await store.streamVersion("s")
            #expect(version == nil)
            await store.pool.close()
        }
    }

    @Test func typeNamesWithQuotesAndUnicodeArePreserved() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let type = "Besluit \"genomen\" \\ — ✓\n"
            let result = try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [event(type)])
            #expect(result.events[0].type == type)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }
}
