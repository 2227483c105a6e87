/// Why an import of exported events was refused; nothing of it was written.
public enum EventTransferError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target database already holds events or streams; an import only goes into an empty store.
    case targetNotEmpty(events: Int64, streams: Int64)
    /// The input holds no events at all.
    case emptyInput
    /// A line is not an exported event (1-based line number, what is wrong).
    case invalidLine(number: Int, reason: String)
    /// A line repeats the position, event id or stream version of an earlier line.
    case duplicateEvent(number: Int, reason: String)
    /// A stream's events name more than one stream type.
    case inconsistentStreamType(streamID: String)
    /// Recomputing the hash chains found these streams broken (their first bad event each).
    case brokenChains([BrokenStream])

    /// What is wrong, without payloads or SQL.
    public var description: String {
        switch self {
        case .targetNotEmpty(let events, let streams):
            "the target database is not empty (\(events) events, \(streams) streams); import only into a freshly migrated database"
        case .emptyInput:
            "the input holds no events"
        case .invalidLine(let number, let reason):
            "line \(number) is not an exported event: \(reason)"
        case .duplicateEvent(let number, let reason):
            "line \(number) repeats an earlier event: \(reason)"
        case .inconsistentStreamType(let streamID):
            "the events of stream \(streamID) name more than one stream type"
        case .brokenChains(let streams):
            "the hash chain does not hold in \(streams.count) stream(s); first: \(streams.first.map(String.init(describing:)) ?? "none")"
        }
    }
}
