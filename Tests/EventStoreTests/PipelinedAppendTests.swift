import EventStore
import Foundation
import Postgres
import Testing

/// `PipelinedAppend`: an append sent with the statements that depend on it in one round trip records
/// exactly what the usual append records, or fails so that nothing queued after it runs.
@Suite struct PipelinedAppendTests {
    /// The statements of a command's round trip: the append, a statement that depends on it (here a
    /// marker row), and the COMMIT.
    private func send(_ append: PipelinedAppend, on store: EventStore) async throws -> AppendResult {
        try await store.pool.withTransaction { connection in
            do {
                let answers = try connection.queries(
                    [append.statement, ("INSERT INTO marker VALUES ($1)", [.text(append.streamID)])], committing: true
                )
                #expect(!connection.isInTransaction)
                return try append.result(answers[0])
            } catch {
                throw append.translated(error)
            }
        }
    }

    private func markers(_ store: EventStore) async throws -> Int {
        try await store.pool.withConnection { try $0.query("SELECT count(*) AS n FROM marker")[0].int("n") }
    }

    @Test func itRecordsTheEventAtTheVersionAndMomentSentInTheChain() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.pool.withConnection { try $0.executeScript("CREATE TABLE marker (stream text)") }
            let first = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let moment = Date().addingTimeInterval(1.000_000_4)
            let append = try PipelinedAppend(streamID: "s", expectedVersion: 1, event: event("Changed", #"{"n": 2}"#), recordedAt: moment)
            let result = try await send(append, on: store)
            #expect(result.events.count == 1)
            let recorded = try #require(result.events.first)
            #expect(recorded.version == 2)
            #expect(append.version == 2)
            // To the microsecond, as a read gives it back.
            #expect(recorded.recordedAt == append.recordedAt)
            #expect(abs(recorded.recordedAt.timeIntervalSince(moment)) < 0.000_001)
            #expect(recorded.previousHash == first.events[0].hash)
            #expect(try await store.readStream("s") == first.events + [recorded])
            #expect(try await store.streamVersion("s") == 2)
            #expect(try await markers(store) == 1)
            // The hash is the one the chain's verification computes.
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func whereTheUsualAppendWouldRecordNothingItFailsAndNothingQueuedAfterItRuns() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.pool.withConnection { try $0.executeScript("CREATE TABLE marker (stream text)") }
            let stored = event("Opened", #"{"n": 1}"#)
            let head = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [stored, event("Changed")])
            let later = Date().addingTimeInterval(60)
            let refused: [(String, PipelinedAppend)] = [
                // A replayed command: its event id is stored.
                ("replay", try PipelinedAppend(streamID: "s", expectedVersion: 2, event: stored, recordedAt: later)),
                // Another version than the stream's.
                ("version", try PipelinedAppend(streamID: "s", expectedVersion: 1, event: event("Changed"), recordedAt: later)),
                // A stream that does not exist.
                ("missing", try PipelinedAppend(streamID: "missing", expectedVersion: 1, event: event("Changed"), recordedAt: later)),
                // A moment before the stream's head: the usual append would record it later than sent.
                ("moment", try PipelinedAppend(
                    streamID: "s", expectedVersion: 2, event: event("Changed"), recordedAt: head.events[1].recordedAt.addingTimeInterval(-1)
                )),
            ]
            for (reason, append) in refused {
                await #expect(throws: PipelinedAppend.Refusal.self, "\(reason)") { try await send(append, on: store) }
            }
            #expect(try await markers(store) == 0)
            #expect(try await store.streamVersion("s") == 2)
            #expect(try await store.streamVersion("missing") == nil)
            // The usual append decides what each was.
            let replay = try await store.append(to: "s", streamType: "dossier", expectedVersion: .any, events: [stored])
            #expect(replay.wasAlreadyAppended)
            await #expect(throws: EventStoreError.wrongExpectedVersion(streamID: "s", expected: .exact(1), actual: 2)) {
                try await store.append(to: "s", streamType: "dossier", expectedVersion: .exact(1), events: [event("Changed")])
            }
            // The connections serve the next statements, and the one that was sent as it should be is recorded.
            let sent = try PipelinedAppend(streamID: "s", expectedVersion: 2, event: event("Changed"), recordedAt: later)
            #expect(try await send(sent, on: store).events.map(\.version) == [3])
            #expect(try await markers(store) == 1)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    @Test func anEventWithoutAValidSchemaVersionIsRefusedBeforeAnythingIsSent() throws {
        #expect(throws: EventStoreError.invalidSchemaVersion(0)) {
            try PipelinedAppend(streamID: "s", expectedVersion: 1, event: event(schemaVersion: 0), recordedAt: Date())
        }
    }
}
