import EventStore
import Foundation
import Postgres
import Testing

@Suite struct ReadTests {
    @Test func aStreamIsReadUpToAVersionOrAMoment() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let first = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event(), event()])
            try await Task.sleep(for: .milliseconds(20))
            let moment = first.events[1].recordedAt.addingTimeInterval(0.010)
            try await store.append(to: "s", streamType: "dossier", expectedVersion: .exact(2), events: [event("Closed")])
            #expect(try await store.readStream("s").map(\.version) == [1, 2, 3])
            #expect(try await store.readStream("s", upTo: .version(1)).map(\.version) == [1])
            #expect(try await store.readStream("s", upTo: .recordedAt(moment)).map(\.version) == [1, 2])
            #expect(try await store.readStream("s", upTo: .recordedAt(first.events[0].recordedAt)).map(\.version) == [1, 2])
            #expect(try await store.readStream("unknown").isEmpty)
            await store.pool.close()
        }
    }

    @Test func readEventsEqualTheAppendedOnesWithPayloadsAndMicrosecondTimes() async throws {
        try await TestDatabase.with { database in
            let store = database.makeStore()
            let appended = try await store.append(to: "s", streamType: "dossier", expectedVersion: .noStream, events: [event("Opened", #"{"naam": "Één", "lijst": [1, 2.50]}"#)])
            let read = try await store.readStream("s")
            #expect(read == appended.events)
            let payload = try JSONSerialization.jsonObject(with: read[0].data) as? [String: Any]
            #expect(payload?["naam"] as? String == "Één")
            let metadata = try JSONSerialization.jsonObject(with: read[0].metadata) as? [String: Any]
            #expect(metadata?["actor"] as? String == "test")
            let storedMicros = try await store.pool.withConnection { connection in
                try connection.query("SELECT (extract(epoch FROM recorded_at) * 1000000)::int8 AS micros FROM events")[0].int64("micros")
            }
            #expect(Int64((read[0].recordedAt.timeIntervalSince1970 * 1_000_000).rounded()) == storedMicros)
            await store.pool.close()
        }
    }
}
