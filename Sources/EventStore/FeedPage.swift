/// A page of the global feed.
public struct FeedPage: Sendable, Hashable {
    /// Committed events in feed order (transaction id, then position).
    public let events: [RecordedEvent]
    /// Where to continue: after the last event here, or the cursor read from when the page is empty.
    public let cursor: FeedCursor?

    /// A page of `events` continuing at `cursor`.
    public init(events: [RecordedEvent], cursor: FeedCursor?) {
        self.events = events
        self.cursor = cursor
    }
}
