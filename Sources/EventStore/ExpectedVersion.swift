import Postgres

/// The version a writer expects a stream to be at; the append is refused when it is not.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// The stream must not exist yet.
    case noStream
    /// The stream must be at exactly this version (the number of events in it).
    case exact(Int64)
    /// No check: append to whatever is there, creating the stream when needed.
    case any

    /// The value passed to `event_store_append`: NULL for any, 0 for no stream, n for exactly n.
    var databaseValue: PostgresValue {
        switch self {
        case .noStream: .int(0)
        case .exact(let version): .int(version)
        case .any: .null
        }
    }

    /// `no stream`, `version n` or `any version`.
    public var description: String {
        switch self {
        case .noStream: "no stream"
        case .exact(let version): "version \(version)"
        case .any: "any version"
        }
    }
}
