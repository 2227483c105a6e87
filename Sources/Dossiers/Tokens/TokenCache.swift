import Foundation
import Taaktoedeling

/// Tokens the server authenticated a moment ago, so that a request need not ask the database
/// again within `timeToLive` (1 s): a GET then costs one round trip instead of two. Revocation
/// stays prompt: a token revoked through the store that holds this cache is forgotten at once, one
/// revoked elsewhere (the admin CLI, another instance) stops working within `timeToLive`.
/// Only successful authentications are kept (unknown tokens always ask the database), and at most
/// `maximumEntries` of them. Keyed by the token's SHA-256, never by the token itself.
public final class TokenCache: Sendable {
    private let entries: ExpiringEntries<Data, Actor>
    /// How long an authentication is trusted without asking the database.
    public var timeToLive: Duration { entries.timeToLive }

    /// A cache whose entries live `timeToLive`; `now` is its clock (tests give their own).
    public init(
        timeToLive: Duration = .seconds(1), maximumEntries: Int = 10_000, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        entries = ExpiringEntries(timeToLive: timeToLive, maximumEntries: maximumEntries, now: now)
    }

    /// The actor of a token hash authenticated less than `timeToLive` ago.
    func actor(forHash hash: Data) -> Actor? {
        entries[hash]
    }

    /// Remembers an authentication.
    func remember(_ actor: Actor, forHash hash: Data) {
        entries.set(actor, for: hash)
    }

    /// Forgets every entry of a token (it was revoked or erased).
    func forget(tokenID: UUID) {
        entries.removeAll { $0.tokenID == tokenID }
    }
}
