/// A stored value that the database's own checks should have made impossible (a server error).
public struct UnreadableStoredValue: Error, CustomStringConvertible {
    public let column: String

    public var description: String { "unreadable stored value in column \(column)" }
}
