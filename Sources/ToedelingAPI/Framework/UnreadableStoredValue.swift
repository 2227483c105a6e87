/// A stored value that the database's own checks should have made impossible (a server error).
struct UnreadableStoredValue: Error, CustomStringConvertible {
    let column: String

    var description: String { "unreadable stored value in column \(column)" }
}
