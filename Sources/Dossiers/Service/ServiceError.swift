/// Why the application service refused a command for a reason outside the domain's rules.
public enum ServiceError: Error, Sendable, Equatable {
    /// The client's `If-Match` version is no longer the dossier's version (HTTP 412).
    case staleVersion(current: Int64)
    /// Concurrent commands kept winning; the command was not applied (HTTP 503, retry later).
    case tooMuchContention
    /// A stored event could not be read back into the domain (the store is damaged or newer).
    case unreadableEvent(position: Int64)
    /// The command id (from an `Idempotency-Key`) was used before for other content (HTTP 422).
    case commandIDReused
}
