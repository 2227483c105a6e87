import Foundation

/// A stream whose hash chain does not hold, with the first event that is wrong.
public struct BrokenStream: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the first bad event.
    public enum Reason: String, Sendable, Hashable {
        /// The stored hash is not sha256(previous hash ‖ canonical bytes): the event was altered.
        case hashMismatch
        /// The event's previous hash is not the hash of the event before it.
        case previousHashMismatch
        /// A version is missing (an event was removed) or out of sequence.
        case versionGap
        /// The stream row's version or head hash does not match its last event.
        case headMismatch
    }

    /// The broken stream.
    public let streamID: String
    /// The version of the first bad (or missing) event.
    public let version: Int64
    /// The first bad event's id, nil when the event is missing.
    public let eventID: UUID?
    /// The first bad event's global position, nil when the event is missing.
    public let position: Int64?
    /// What is wrong.
    public let reason: Reason

    /// A broken stream's first bad event.
    public init(streamID: String, version: Int64, eventID: UUID?, position: Int64?, reason: Reason) {
        self.streamID = streamID
        self.version = version
        self.eventID = eventID
        self.position = position
        self.reason = reason
    }

    /// `stream S broken at version V (event E): reason`.
    public var description: String {
        "stream \(streamID) broken at version \(version)\(eventID.map { " (event \($0))" } ?? ""): \(reason.rawValue)"
    }
}
