/// The outcome of `EventStore.verify`.
public struct VerificationReport: Sendable, Hashable {
    /// Streams whose chains were recomputed.
    public let streamsChecked: Int
    /// Events whose hashes were recomputed.
    public let eventsChecked: Int
    /// Each broken stream with its first bad event, in stream id order.
    public let brokenStreams: [BrokenStream]

    /// True when every chain holds.
    public var isIntact: Bool { brokenStreams.isEmpty }
}
