import Foundation
import Postgres
import Synchronization

/// The claim of one request on its `Idempotency-Key`, handed to the handler through the request
/// context so that a command keeps its response in its own transaction: the events and the kept
/// response commit together, and a retry can never find the one without the other.
public final class IdempotencyTicket: Sendable {
    let store: IdempotencyStore
    let tokenID: UUID
    let key: String
    private let kept = Mutex(false)

    /// The claim of `key` for the token, in `store`.
    public init(store: IdempotencyStore, tokenID: UUID, key: String) {
        self.store = store
        self.tokenID = tokenID
        self.key = key
    }

    /// Whether the response has been kept already (then the middleware need not keep it again).
    public var isKept: Bool { kept.withLock { $0 } }

    /// Keeps the response on the caller's connection, inside the caller's transaction.
    func keep(_ response: StoredResponse, on connection: PostgresConnection) throws {
        try store.complete(tokenID: tokenID, key: key, response: response, on: connection)
        kept.withLock { $0 = true }
    }
}
