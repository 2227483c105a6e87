import Foundation

/// An event to append: its idempotency key, type, schema version and JSON payloads.
public struct NewEvent: Sendable, Hashable {
    /// The idempotency key: appending the same id with the same content again writes nothing.
    public let eventID: UUID
    /// The event type name, e.g. `DossierGeopend`.
    public let type: String
    /// The version of the payload's schema, for upcasting on read (1 for the first).
    public let schemaVersion: Int
    /// The payload as UTF-8 JSON.
    public let data: Data
    /// Context as UTF-8 JSON (actor, correlation id, …); not part of the idempotency comparison.
    public let metadata: Data

    /// An event with the given payload; `metadata` defaults to `{}`.
    public init(eventID: UUID = UUID(), type: String, schemaVersion: Int = 1, data: Data, metadata: Data = Data("{}".utf8)) {
        self.eventID = eventID
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
    }
}
