/// What `PostgresConnectionPool.listen(to:onEvent:)` reports.
public enum PostgresListenerEvent: Sendable, Hashable {
    /// The listener (re)connected and is listening; notifications sent while it was away are
    /// lost, so catch up by reading.
    case connected
    /// A notification arrived.
    case notification(PostgresNotification)
}
