import ToedelingTestSupport
import EventStore
import Foundation
import Postgres
import Testing

@Suite struct ExportImportTests {
    /// Payloads whose exact jsonb text matters: trailing zeros, big numbers, escapes, non-ASCII, nesting.
    private let payloads = [
        #"{"n": 1.10, "big": 123456789012345678901234567890, "tiny": 0.000000000000000000001}"#,
        #"{"s": "regel\nbreuk \"quote\" \\ tab\t é € 🏛", "leeg": ""}"#,
        #"{"nested": {"a": [1, 2, {"b": null, "c": false}], "z": -0.5e3}}"#,
        #"[1, "two", 3.0]"#,
    ]

    @Test func anExportImportedIntoAnEmptyStoreReproducesEveryRowAndHash() async throws {
        try await TestDatabase.with { source in
            let store = source.makeStore()
            try await store.append(to: "dossier-a", streamType: "dossier", expectedVersion: .noStream, events: payloads.map { event("Opened", $0) })
            try await store.append(to: "other-b", streamType: "other", expectedVersion: .noStream, events: [event("Started")])
            try await store.append(to: "dossier-a", streamType: "dossier", expectedVersion: .exact(4), events: [event("Closed", #"{"reden": "klaar"}"#)])
            let exported = try await export(store)
            let lines = exported.split(separator: "\n").map(String.init)
            #expect(lines.count == 6)

            let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(Set(first.keys) == ["position", "transactionId", "streamId", "streamType", "version", "eventId", "type", "schemaVersion", "data", "metadata", "recordedAt", "previousHash", "hash"])
            #expect(first["data"] is [String: Any])
            #expect(first["metadata"] is [String: Any])
            #expect(first["previousHash"] as? String == String(repeating: "0", count: 64))
            let recordedAt = try #require(first["recordedAt"] as? String)
            #expect(recordedAt.count == 27 && recordedAt.hasSuffix("Z"))
            #expect(lines[0].contains(#""n": 1.10"#))

            try await TestDatabase.with { target in
                let imported = target.makeStore()
                let totals = try await importLines(lines, into: imported)
                #expect(totals == EventTransferProgress(events: 6, streams: 2))
                #expect(try rows(target, "events") == (try rows(source, "events")))
                #expect(try rows(target, "streams") == (try rows(source, "streams")))
                #expect(try await imported.verify().isIntact)
                #expect(try await export(imported).replacing(/"transactionId":[0-9]+/, with: "") == exported.replacing(/"transactionId":[0-9]+/, with: ""))

                let next = try await imported.append(to: "dossier-a", streamType: "dossier", expectedVersion: .exact(5), events: [event("Reopened")])
                #expect(next.events[0].version == 6)
                #expect(next.events[0].position > 6)
                #expect(try await imported.verify().isIntact)
                await imported.pool.close()
            }
            await store.pool.close()
        }
    }

    @Test func importRefusesAStoreThatHoldsEventsBeforeReadingAnyInput() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let read = LockedValue(false)
            let error = await #expect(throws: EventTransferError.self) {
                try await store.importEvents(readingLines: { read.withLock { $0 = true }; return nil })
            }
            #expect(error == .targetNotEmpty(events: 1, streams: 1))
            #expect(read.withLock { $0 } == false)
            await store.pool.close()
        }
    }

    @Test func importNamesTheLineThatRepeatsAnEventAndWritesNothing() async throws {
        let lines = try await exportedLines()
        try await TestDatabase.with { target in
            let store = target.makeStore()
            let error = await #expect(throws: EventTransferError.self) {
                try await importLines(lines + [lines[1]], into: store)
            }
            guard case .duplicateEvent(let number, _) = try #require(error) else {
                Issue.record("expected a duplicate, got \(String(describing: error))")
                return
            }
            #expect(number == lines.count + 1)
            #expect(try rows(target, "events").isEmpty)
            #expect(try rows(target, "streams").isEmpty)
            await store.pool.close()
        }
    }

    @Test func importRefusesAMissingEventAndAnAlteredOneNamingEachStream() async throws {
        let lines = try await exportedLines()
        try await TestDatabase.with { target in
            let store = target.makeStore()
            var altered = lines
            altered.remove(at: 1)
            altered[2] = altered[2].replacingOccurrences(of: #""n": 1"#, with: #""n": 2"#)
            let error = await #expect(throws: EventTransferError.self) { try await importLines(altered, into: store) }
            guard case .brokenChains(let broken) = try #require(error) else {
                Issue.record("expected broken chains, got \(String(describing: error))")
                return
            }
            #expect(broken.map(\.streamID) == ["a", "b"])
            #expect(broken[0].version == 2 && broken[0].reason == .versionGap && broken[0].eventID == nil)
            #expect(broken[1].version == 1 && broken[1].reason == .hashMismatch)
            #expect(try rows(target, "events").isEmpty)
            await store.pool.close()
        }
    }

    @Test func importNamesTheFirstLineThatIsNotAnExportedEvent() async throws {
        let lines = try await exportedLines()
        let cases: [(line: String, reason: String)] = [
            (lines[0].replacing(/"data":\{[^}]*\},/, with: ""), "data is missing"),
            (lines[0].replacingOccurrences(of: #""version":1"#, with: #""version":0"#), "version must be at least 1"),
            (lines[0].replacingOccurrences(of: #""version":1"#, with: #""version":"1""#), "version has a wrong value"),
            (lines[0].replacing(/"recordedAt":"[^"]*"/, with: #""recordedAt":"29-11-2026 03:00""#), "recordedAt is not a UTC time such as 2026-01-31T12:00:00.000000Z"),
            ("[]", "not a JSON object"),
        ]
        try await TestDatabase.with { target in
            let store = target.makeStore()
            for (line, reason) in cases {
                let error = await #expect(throws: EventTransferError.self) { try await importLines([lines[1], "", line], into: store) }
                #expect(error == .invalidLine(number: 3, reason: reason))
            }
            let written = try rows(target, "events")
            #expect(written.isEmpty)
            await store.pool.close()
        }
    }

    @Test func aFailingBeforeCommitStepRollsTheWholeImportBack() async throws {
        let lines = try await exportedLines()
        try await TestDatabase.with { target in
            let store = target.makeStore()
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await importLines(lines, into: store, beforeCommit: { _ in throw Refused() })
            }
            #expect(try rows(target, "events").isEmpty)
            #expect(try rows(target, "streams").isEmpty)
            try await importLines(lines, into: store)
            #expect(try await store.verify().isIntact)
            await store.pool.close()
        }
    }

    // MARK: Helpers

    /// Two streams, "a" with three events and "b" with one, as exported lines.
    private func exportedLines() async throws -> [String] {
        try await TestDatabase.with { source in
            let store = source.makeStore()
            try await store.append(to: "a", streamType: "dossier", expectedVersion: .noStream, events: [event(), event(), event()])
            try await store.append(to: "b", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let text = try await export(store)
            await store.pool.close()
            return text.split(separator: "\n").map(String.init)
        }
    }

    private func export(_ store: EventStore) async throws -> String {
        let collected = LockedValue(Data())
        try await store.exportEvents(pageSize: 2) { chunk in collected.withLock { $0.append(chunk) } }
        return String(decoding: collected.withLock { $0 }, as: UTF8.self)
    }

    @discardableResult
    private func importLines(
        _ lines: [String], into store: EventStore, beforeCommit: (@Sendable (PostgresConnection) throws -> Void)? = nil
    ) async throws -> EventTransferProgress {
        let remaining = LockedValue(lines[...])
        return try await store.importEvents(batchSize: 2, beforeCommit: beforeCommit, readingLines: { remaining.withLock { $0.popFirst() } })
    }

    private func rows(_ database: TestDatabase, _ table: String) throws -> [String] {
        let columns = table == "events"
            ? "position, stream_id, stream_type, version, event_id, type, schema_version, data::text, metadata::text, recorded_at, prev_hash, hash"
            : "stream_id, stream_type, version, head_hash"
        return try database.connect().query("SELECT (\(columns))::text AS row FROM \(table) ORDER BY 1").map { try $0.string("row") }
    }
}
