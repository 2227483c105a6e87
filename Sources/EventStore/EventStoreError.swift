import Foundation

/// Why an append was refused.
public enum EventStoreError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The stream was not at the expected version; `actual` is its version, nil when it does not exist.
    case wrongExpectedVersion(streamID: String, expected: ExpectedVersion, actual: Int64?)
    /// An event id is already stored with other content (other stream, type, schema version or data).
    case duplicateEventWithDifferentContent(eventID: UUID)
    /// An append needs at least one event.
    case noEvents
    /// An event's data or metadata is not valid JSON.
    case invalidEventJSON
    /// An event's schema version is below 1.
    case invalidSchemaVersion(Int)

    /// What was refused, without payloads.
    public var description: String {
        switch self {
        case .wrongExpectedVersion(let streamID, let expected, let actual):
            "stream \(streamID) expected at \(expected) but is at \(actual.map { "version \($0)" } ?? "no stream")"
        case .duplicateEventWithDifferentContent(let eventID):
            "event id \(eventID) is already stored with other content"
        case .noEvents:
            "an append needs at least one event"
        case .invalidEventJSON:
            "event data or metadata is not valid JSON"
        case .invalidSchemaVersion(let version):
            "schema version \(version) is below 1"
        }
    }
}
