/// What an append wrote (or, for a replay of already-stored event ids, what it had written).
public struct AppendResult: Sendable, Hashable {
    /// The stream appended to.
    public let streamID: String
    /// The recorded events in version order.
    public let events: [RecordedEvent]
    /// True when every event id was already stored with the same content and nothing was written.
    public let wasAlreadyAppended: Bool

    /// The stream version after the last of these events: the next `.exact` expectation.
    public var lastVersion: Int64 { events.last?.version ?? 0 }
    /// The global position of the last of these events.
    public var lastPosition: Int64 { events.last?.position ?? 0 }
}
