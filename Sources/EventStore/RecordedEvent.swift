import Foundation

/// An event as stored: its place in the global feed and in its stream, and its hash-chain link.
public struct RecordedEvent: Sendable, Codable, Hashable {
    /// The global position (an identity value; gaps are normal, order of commit is not implied).
    public let position: Int64
    /// The id of the writing transaction (`xid8`); the feed is ordered by (transactionID, position).
    public let transactionID: UInt64
    /// The stream the event belongs to.
    public let streamID: String
    /// The stream's type (e.g. `dossier`).
    public let streamType: String
    /// The event's version in its stream: 1, 2, 3, … without gaps.
    public let version: Int64
    /// The idempotency key given by the writer.
    public let eventID: UUID
    /// The event type name.
    public let type: String
    /// The payload's schema version.
    public let schemaVersion: Int
    /// The payload as UTF-8 JSON (PostgreSQL's normalised jsonb text as stored).
    public let data: Data
    /// The metadata as UTF-8 JSON.
    public let metadata: Data
    /// When the event was recorded (database clock, microseconds, UTC).
    public let recordedAt: Date
    /// The hash of the stream's previous event (32 zero bytes for version 1).
    public let previousHash: Data
    /// sha256(previousHash ‖ canonical bytes of this event), see `EventHasher`.
    public let hash: Data

    /// A stored event, as the store reads it.
    public init(
        position: Int64, transactionID: UInt64, streamID: String, streamType: String, version: Int64,
        eventID: UUID, type: String, schemaVersion: Int, data: Data, metadata: Data, recordedAt: Date,
        previousHash: Data, hash: Data
    ) {
        self.position = position
        self.transactionID = transactionID
        self.streamID = streamID
        self.streamType = streamType
        self.version = version
        self.eventID = eventID
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.recordedAt = recordedAt
        self.previousHash = previousHash
        self.hash = hash
    }
}
