import EventStore
import Postgres

/// What a storage failure means for the one who asked, so that a front end can answer without
/// knowing the storage: the database cannot be reached, it is too busy, a retried command was
/// already processed, or the year's kenmerken are used up. Nil for a failure that means none of
/// these (a server error).
public enum StorageCondition: Sendable, Equatable {
    /// The database cannot be reached or the pool is closed: try again later.
    case unavailable
    /// A bound on waiting ran out (pool, lock or statement timeout): try again in a few seconds.
    case busy
    /// A retry of a command whose events are stored with other content: it was processed before.
    case commandAlreadyProcessed
    /// No more kenmerken this year.
    case kenmerkenUitgeput(jaar: Int)

    /// The condition an error stands for, or nil.
    public init?(_ error: any Error) {
        switch error {
        case let postgres as PostgresError where postgres.isConnectionLoss || postgres.code == .poolClosed:
            self = .unavailable
        case let postgres as PostgresError where postgres.isTimeout:
            self = .busy
        case EventStoreError.duplicateEventWithDifferentContent:
            self = .commandAlreadyProcessed
        case KenmerkError.reeksUitgeput(let jaar):
            self = .kenmerkenUitgeput(jaar: jaar)
        default:
            return nil
        }
    }
}
