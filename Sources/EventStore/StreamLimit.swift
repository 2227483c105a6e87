import Foundation

/// How far to read a stream.
public enum StreamLimit: Sendable, Hashable {
    /// All events.
    case end
    /// Events up to and including this version.
    case version(Int64)
    /// Events recorded at or before this moment (state as of a peildatum).
    case recordedAt(Date)
}
