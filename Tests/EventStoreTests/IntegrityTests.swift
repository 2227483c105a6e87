import ToedelingTestSupport
import EventStore
import Foundation
import Postgres
import Testing

@Suite struct IntegrityTests {
    @Test func updateDeleteAndTruncateOfEventsAndRemovalOfStreamsAreRefused() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event()])
            let connection = try database.connect()
            for statement in ["UPDATE events SET type = 'Other'", "DELETE FROM events", "TRUNCATE events"] {
                let error = try #require(throws: PostgresError.self) { try connection.execute(statement) }
                #expect(error.sqlState == "ES001")
            }
            #expect(try connection.query("SELECT count(*) AS n, min(type) AS type FROM events")[0].string("type") == "Opened")
            for statement in ["DELETE FROM streams", "TRUNCATE streams CASCADE"] {
                let error = try #require(throws: PostgresError.self) { try connection.execute(statement) }
                #expect(error.sqlState == "ES001")
            }
            await store.pool.close()
        }
    }

    @Test func verifyNamesTheFirstAlteredEventOfEachBrokenStream() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let altered = try await store.append(to: "altered", streamType: "dossier", expectedVersion: .noStream, events: [event(), event(), event(), event()])
            let shortened = try await store.append(to: "shortened", streamType: "dossier", expectedVersion: .noStream, events: [event(), event(), event()])
            try await store.append(to: "intact", streamType: "dossier", expectedVersion: .noStream, events: [event(), event()])
            #expect(try await store.verify().isIntact)

            let superuser = try database.connect()
            try superuser.executeScript("ALTER TABLE events DISABLE TRIGGER ALL")
            try superuser.execute("UPDATE events SET data = '{\"n\": 2}' WHERE event_id = $1", [.uuid(altered.events[1].eventID)])
            try superuser.execute("UPDATE events SET data = '{\"n\": 3}' WHERE event_id = $1", [.uuid(altered.events[3].eventID)])
            try superuser.execute("DELETE FROM events WHERE event_id = $1", [.uuid(shortened.events[1].eventID)])
            try superuser.executeScript("ALTER TABLE events ENABLE TRIGGER ALL")

            let progress = LockedValue(0)
            let report = try await store.verify { step in progress.withLock { $0 = step.eventsChecked } }
            #expect(!report.isIntact)
            #expect(report.streamsChecked == 3)
            #expect(report.eventsChecked == 8)
            #expect(progress.withLock { $0 } == 8)
            #expect(report.brokenStreams == [
                BrokenStream(streamID: "altered", version: 2, eventID: altered.events[1].eventID, position: altered.events[1].position, reason: .hashMismatch),
                BrokenStream(streamID: "shortened", version: 2, eventID: nil, position: nil, reason: .versionGap),
            ])
            await store.pool.close()
        }
    }

    @Test func verifyNamesAStreamWhoseLastEventWasRemoved() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let appended = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event(), event()])
            let superuser = try database.connect()
            try superuser.executeScript("ALTER TABLE events DISABLE TRIGGER ALL")
            try superuser.execute("DELETE FROM events WHERE event_id = $1", [.uuid(appended.events[1].eventID)])
            try superuser.executeScript("ALTER TABLE events ENABLE TRIGGER ALL")
            let report = try await store.verify()
            #expect(report.brokenStreams.map(\.version) == [2])
            #expect(report.brokenStreams.map(\.streamID) == ["s"])
            await store.pool.close()
        }
    }

    @Test func verifyWalksManyEventsInPages() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            for stream in ["a", "b", "c"] {
                try await store.append(to: stream, streamType: "dossier", expectedVersion: .noStream, events: (0..<800).map { event("E", #"{"i": \#($0)}"#) })
            }
            let report = try await store.verify()
            #expect(report.isIntact)
            #expect(report.eventsChecked == 2400)
            #expect(report.streamsChecked == 3)
            await store.pool.close()
        }
    }

    @Test func verifyWhileAStreamGrowsReportsNoBreak() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            try await store.append(to: "growing", streamType: "dossier", expectedVersion: .noStream, events: (0..<2500).map { _ in event() })
            async let report = store.verify()
            for _ in 0..<30 {
                try await store.append(to: "growing", streamType: "dossier", expectedVersion: .any, events: [event()])
            }
            let finished = try await report
            #expect(finished.isIntact)
            #expect(finished.eventsChecked >= 2500)
            await store.pool.close()
        }
    }
}
