/// A notification received on a channel this connection listens to.
public struct PostgresNotification: Sendable, Hashable {
    /// The channel name.
    public let channel: String
    /// The payload (empty when none was sent).
    public let payload: String
    /// The server process that sent it.
    public let senderProcessID: Int32
}
