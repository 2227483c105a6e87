import Foundation
import Synchronization
import Taaktoedeling

/// Dossier states this instance wrote a moment ago, decoded, so that the next command on the same
/// dossier need not have PostgreSQL send the stored state nor decode it: its locked read asks for
/// the `staat` column only when the row is not the one remembered.
///
/// An entry is keyed by the row version it describes: the `xmin` of the `dossiers` row as written
/// (the id of the transaction that wrote that row version), the dossier's version and the moment of
/// its last event (`bijgewerkt_op`). Any other writer of the row (another instance, erasure,
/// destruction, a rebuild, a hand-made `UPDATE`) writes a row version with another `xmin`, so an
/// entry can only be stale by never being asked for again. The moment guards the one way a
/// transaction id comes back: a write lost in a failover to an asynchronous standby (or a
/// point-in-time restore) whose id the promoted server hands out again, to a command that records
/// the same version of the dossier at a later moment.
///
/// Only a write whose transaction ends with it is remembered (the pipelined command, whose COMMIT
/// travels with its projection, `DossierService.record`): no later statement of that transaction can
/// write the same row under the same `xmin`. A write whose COMMIT failed leaves an entry no committed
/// row version ever matches. Entries live `timeToLive` (a minute), so that what is erased from the
/// database does not linger in memory, and at most `maximumEntries` are kept (`ExpiringEntries`).
public final class DossierStateCache: Sendable {
    /// Which row version an entry describes.
    struct Rij: Equatable, Sendable {
        /// The row's `xmin` as text.
        let xmin: String
        /// The dossier's version.
        let versie: Int64
        /// The moment of its last event (the `bijgewerkt_op` column).
        let bijgewerktOp: Date
    }

    /// A remembered state and the row version it is.
    struct Entry: Sendable {
        let rij: Rij
        /// The state as the `staat` column holds it (no Kamerstukken: those are rows of their own).
        let state: Dossier
    }

    private let entries: ExpiringEntries<UUID, Entry>
    private let hits = Atomic<Int>(0)

    /// A cache of at most `maximumEntries` states, each used for `timeToLive`.
    public init(
        timeToLive: Duration = .seconds(60), maximumEntries: Int = 1_024,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        entries = ExpiringEntries(timeToLive: timeToLive, maximumEntries: maximumEntries, now: now)
    }

    /// What is remembered for a dossier: the row version to name in its locked read, and the state
    /// to use when the locked row is that version (`used()`).
    func entry(of id: UUID) -> Entry? {
        entries[id]
    }

    /// Counts a locked read that took its state from here.
    func used() {
        hits.add(1, ordering: .relaxed)
    }

    /// Remembers the state written as row version `rij` (its Kamerstukken are left out, as stored).
    func remember(_ state: Dossier, as rij: Rij) {
        var stored = state
        stored.kamerstukken = []
        entries.set(Entry(rij: rij, state: stored), for: state.id)
    }

    /// How many locked reads took their state from here (tests).
    var hitCount: Int { hits.load(ordering: .relaxed) }
}
