/// A place in the global feed: just after the event with this (transaction id, position).
/// Pass it to `readAll(after:limit:)`; store or send it as its string `token`.
public struct FeedCursor: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    let transactionID: UInt64
    let position: Int64

    /// The cursor just after `event`.
    public init(after event: RecordedEvent) {
        self.init(transactionID: event.transactionID, position: event.position)
    }

    init(transactionID: UInt64, position: Int64) {
        self.transactionID = transactionID
        self.position = position
    }

    /// Feed order: by transaction id, then position.
    public static func < (lhs: FeedCursor, rhs: FeedCursor) -> Bool {
        (lhs.transactionID, lhs.position) < (rhs.transactionID, rhs.position)
    }

    /// The cursor before every event (the feed's beginning).
    public static let beginning = FeedCursor(transactionID: 0, position: 0)

    /// The cursor before every event of transaction `transactionID` and of later ones.
    public static func before(transaction transactionID: UInt64) -> FeedCursor {
        FeedCursor(transactionID: max(transactionID, 1) - 1, position: Int64.max)
    }

    /// A cursor from its token; nil when the token is not one.
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = parts.count == 3 && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard digitsOnly, parts[0] == "f1", let transactionID = UInt64(parts[1]), let position = Int64(parts[2]) else {
            return nil
        }
        self.init(transactionID: transactionID, position: position)
    }

    /// An opaque string form, e.g. for an HTTP query parameter.
    public var token: String { "f1.\(transactionID).\(position)" }

    /// The token.
    public var description: String { token }
}
