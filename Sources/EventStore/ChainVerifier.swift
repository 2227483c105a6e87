import Foundation
import Postgres

/// Walks events in (stream id, version) order and recomputes each stream's chain. The stream
/// head is taken from the row read last, so a stream appended to between two pages is compared
/// with the head of the same snapshot as its last events.
struct ChainVerifier {
    private(set) var streamsChecked = 0
    private(set) var eventsChecked = 0
    private(set) var brokenStreams: [BrokenStream] = []

    private var streamID: String?
    private var expectedVersion: Int64 = 1
    private var expectedPrevious = EventHasher.genesis
    private var isBroken = false
    private var head: (version: Int64, hash: Data) = (0, Data())
    private var last: (eventID: UUID, position: Int64)?

    /// Checks one row of the verification query.
    mutating func check(_ row: PostgresRow) throws {
        let rowStream = try row.string("stream_id")
        if rowStream != streamID {
            finishStream()
            streamID = rowStream
            streamsChecked += 1
            expectedVersion = 1
            expectedPrevious = EventHasher.genesis
            isBroken = false
            last = nil
        }
        head = (try row.int64("head_version"), try row.data("head_hash"))
        eventsChecked += 1
        guard !isBroken else { return }
        let version = try row.int64("version")
        let eventID = try row.uuid("event_id")
        let position = try row.int64("position")
        let storedHash = try row.data("hash")
        let fields = EventHasher.Fields(
            streamID: rowStream, streamType: try row.string("stream_type"), version: version, eventID: eventID,
            type: try row.string("type"), schemaVersion: Int32(try row.int64("schema_version")),
            jsonbData: Data(try row.string("data_text").utf8), jsonbMetadata: Data(try row.string("metadata_text").utf8),
            recordedAtMicroseconds: try row.int64("recorded_micros")
        )
        let reason: BrokenStream.Reason?
        if version != expectedVersion {
            reason = .versionGap
        } else if try row.data("prev_hash") != expectedPrevious {
            reason = .previousHashMismatch
        } else if EventHasher.hash(previous: expectedPrevious, fields: fields) != storedHash {
            reason = .hashMismatch
        } else {
            reason = nil
        }
        if let reason {
            let reportedVersion = reason == .versionGap ? min(version, expectedVersion) : version
            let missing = reason == .versionGap && expectedVersion < version
            brokenStreams.append(BrokenStream(
                streamID: rowStream, version: reportedVersion, eventID: missing ? nil : eventID,
                position: missing ? nil : position, reason: reason
            ))
            isBroken = true
            return
        }
        expectedVersion = version + 1
        expectedPrevious = storedHash
        last = (eventID, position)
    }

    /// Checks the last stream's head; call once after the last row.
    mutating func finish() {
        finishStream()
        streamID = nil
    }

    /// Records a stream whose row claims events although none are stored.
    mutating func recordStreamWithoutEvents(_ streamID: String) {
        streamsChecked += 1
        brokenStreams.append(BrokenStream(streamID: streamID, version: 1, eventID: nil, position: nil, reason: .versionGap))
    }

    private mutating func finishStream() {
        guard let streamID, !isBroken else { return }
        let lastVersion = expectedVersion - 1
        guard head.version != lastVersion || head.hash != expectedPrevious else { return }
        if head.version > lastVersion {
            brokenStreams.append(BrokenStream(streamID: streamID, version: lastVersion + 1, eventID: nil, position: nil, reason: .versionGap))
        } else {
            brokenStreams.append(BrokenStream(streamID: streamID, version: lastVersion, eventID: last?.eventID, position: last?.position, reason: .headMismatch))
        }
    }
}
