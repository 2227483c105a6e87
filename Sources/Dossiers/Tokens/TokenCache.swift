import Foundation
import Synchronization
import Taaktoedeling

/// Tokens the server authenticated a moment ago, so that a request need not ask the database
/// again within `timeToLive` (1 s): a GET then costs one round trip instead of two. Revocation
/// stays prompt: a token revoked through the store that holds this cache is forgotten at once, one
/// revoked elsewhere (the admin CLI, another instance) stops working within `timeToLive`.
/// Only successful authentications are kept (unknown tokens always ask the database), and at most
/// `maximumEntries` of them. Keyed by the token's SHA-256, never by the token itself.
public final class TokenCache: Sendable {
    private struct Entry {
        let actor: Actor
        let until: ContinuousClock.Instant
    }

    private let entries = Mutex<[Data: Entry]>([:])
    /// How long an authentication is trusted without asking the database.
    public let timeToLive: Duration
    private let maximumEntries: Int
    private let now: @Sendable () -> ContinuousClock.Instant

    /// A cache whose entries live `timeToLive`; `now` is its clock (tests give their own).
    public init(
        timeToLive: Duration = .seconds(1), maximumEntries: Int = 10_000, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.timeToLive = timeToLive
        self.maximumEntries = max(1, maximumEntries)
        self.now = now
    }

    /// The actor of a token hash authenticated less than `timeToLive` ago.
    func actor(forHash hash: Data) -> Actor? {
        let now = now()
        return entries.withLock { entries in
            guard let entry = entries[hash] else { return nil }
            guard entry.until > now else {
                entries[hash] = nil
                return nil
            }
            return entry.actor
        }
    }

    /// Remembers an authentication.
    func remember(_ actor: Actor, forHash hash: Data) {
        let now = now()
        let until = now + timeToLive
        entries.withLock { entries in
            if entries.count >= maximumEntries {
                // Full: drop what has expired, and everything if that is not enough.
                entries = entries.filter { $0.value.until > now }
                if entries.count >= maximumEntries { entries.removeAll(keepingCapacity: true) }
            }
            entries[hash] = Entry(actor: actor, until: until)
        }
    }

    /// Forgets every entry of a token (it was revoked or erased).
    func forget(tokenID: UUID) {
        entries.withLock { entries in
            entries = entries.filter { $0.value.actor.tokenID != tokenID }
        }
    }
}
