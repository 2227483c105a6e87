import EventStore
import Foundation

/// Appends one event per call through the event store, expecting the previous version.
struct StoreWriter: BenchmarkWriter {
    let store: EventStore
    let stream: String

    func writeOne(version: Int64) async throws {
        try await store.append(
            to: stream, streamType: "bench", expectedVersion: version == 1 ? .noStream : .exact(version - 1),
            events: [NewEvent(type: "BenchmarkEvent", data: BenchmarkPayload.data, metadata: BenchmarkPayload.metadata)]
        )
    }
}
