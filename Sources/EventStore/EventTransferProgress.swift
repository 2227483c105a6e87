/// How far an export or import of events has got, and its totals when it is done.
public struct EventTransferProgress: Sendable, Hashable {
    /// Events written or read so far.
    public let events: Int
    /// Distinct streams those events belong to.
    public let streams: Int

    /// A count of events and streams.
    public init(events: Int, streams: Int) {
        self.events = events
        self.streams = streams
    }
}
