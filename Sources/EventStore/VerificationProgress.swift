/// How far a running verification has got.
public struct VerificationProgress: Sendable, Hashable {
    /// Streams finished or in progress.
    public let streamsChecked: Int
    /// Events checked so far.
    public let eventsChecked: Int
}
