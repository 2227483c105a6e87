import Synchronization

/// A dictionary shared between tasks whose entries are used for `timeToLive` after they were set,
/// holding at most `maximumEntries`: full, it drops what has expired, and everything if that is not
/// enough (a cache that refills itself, never one that grows). The caches of the server keep their
/// entries here (`TokenCache`, `DossierStateCache`).
final class ExpiringEntries<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let until: ContinuousClock.Instant
    }

    private let entries = Mutex<[Key: Entry]>([:])
    /// How long an entry is used after it was set.
    let timeToLive: Duration
    private let maximumEntries: Int
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Entries used for `timeToLive`, at most `maximumEntries` of them; `now` is the clock (tests
    /// give their own).
    init(timeToLive: Duration, maximumEntries: Int, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.timeToLive = timeToLive
        self.maximumEntries = max(1, maximumEntries)
        self.now = now
    }

    /// The value set for `key` less than `timeToLive` ago (an expired one is removed).
    subscript(key: Key) -> Value? {
        let now = now()
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.until > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    /// Sets the value of `key`, used from now for `timeToLive`.
    func set(_ value: Value, for key: Key) {
        let now = now()
        let entry = Entry(value: value, until: now + timeToLive)
        entries.withLock { entries in
            if entries.count >= maximumEntries, entries[key] == nil {
                entries = entries.filter { $0.value.until > now }
                if entries.count >= maximumEntries { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = entry
        }
    }

    /// Removes every entry whose value `matches`.
    func removeAll(where matches: (Value) -> Bool) {
        entries.withLock { entries in
            entries = entries.filter { !matches($0.value.value) }
        }
    }
}
