import Crypto
import Dispatch
import EventStore
import Foundation
import Logging
import Postgres
import Taaktoedeling

/// Rebuilds the dossier read models from the events: fills fresh tables and swaps them in within one
/// transaction, so readers see the old tables until the new ones are complete. Appends wait for the
/// rebuild (it holds a SHARE lock on `events`), so no event is left out of the new tables.
///
/// Three things overlap: a second connection reads the next batch of events (in the snapshot the
/// transaction exported after taking its lock, so it sees exactly the events the lock froze), the
/// batch before is worked out on every core, and the rows before that are copied in on the
/// transaction's connection. Each of the two connections is used by one thread at a time.
public struct ProjectionRebuilder: Sendable {
    let pool: PostgresConnectionPool
    let logger: Logger
    /// Events read per round trip.
    let batchSize: Int
    /// About how many bytes of rows are copied in at a time.
    let copyBytes: Int

    /// A rebuilder over the given pool, reading `batchSize` events per round trip and copying rows
    /// in whenever about `copyBytes` of them wait.
    public init(pool: PostgresConnectionPool, logger: Logger, batchSize: Int = 5000, copyBytes: Int = 8 << 20) {
        self.pool = pool
        self.logger = logger
        self.batchSize = max(1, batchSize)
        self.copyBytes = max(1, copyBytes)
    }

    /// How far a rebuild has come.
    public struct Progress: Sendable {
        /// Streams projected so far.
        public let streams: Int
        /// Events projected so far.
        public let events: Int
    }

    /// Rebuilds; `progress` is called after every batch of events read. Returns the final counts.
    @discardableResult
    public func rebuild(progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> Progress {
        let logger = logger
        let batchSize = batchSize
        let copyBytes = copyBytes
        let reader = try await pool.makeDedicatedConnection()
        let result = try await pool.withTransaction { connection in
            try connection.execute("LOCK TABLE events IN SHARE MODE")
            try reader.beginReadOnly(snapshot: try connection.exportSnapshot())
            defer { try? reader.executeScript("ROLLBACK") }
            let tables = DossierTables.herbouw
            try connection.execute(
                "DROP TABLE IF EXISTS \(tables.dossiers), \(tables.tijdlijn), \(tables.weergaven), \(tables.kamerstukken), \(tables.delen)"
            )
            try connection.execute("CREATE TABLE \(tables.dossiers) (LIKE dossiers INCLUDING ALL)")
            try connection.execute("CREATE TABLE \(tables.tijdlijn) (LIKE dossier_tijdlijn INCLUDING ALL)")
            try connection.execute("CREATE TABLE \(tables.weergaven) (LIKE dossier_weergaven INCLUDING ALL)")
            try connection.execute("CREATE TABLE \(tables.kamerstukken) (LIKE dossier_kamerstukken INCLUDING ALL)")
            try connection.execute("CREATE TABLE \(tables.delen) (LIKE dossier_kamerstukken_delen INCLUDING ALL)")
            var counts = Progress(streams: 0, events: 0)
            // One keyset pass over every dossier event in stream order, a batch ahead on the
            // reader's connection. The streams a batch completes (the next stream, or the end, has
            // been reached) are worked out on every core while the rows of the batches before are
            // copied in on the connection (a few MiB at a time); the last stream of a batch may go on
            // in the next one.
            var pending: [RecordedEvent] = []
            var rows = ProjectionRows()
            let copying = OnItsOwnThread<Void>()
            let reading = OnItsOwnThread<(events: [RecordedEvent], keys: [String: SymmetricKey])>()
            func project(_ streams: [[RecordedEvent]], keys: [String: SymmetricKey]) throws {
                guard !streams.isEmpty else { return }
                if rows.bytes >= copyBytes {
                    let full = rows
                    copying.start {
                        var full = full
                        try full.copy(on: connection, into: tables)
                    }
                    rows = ProjectionRows()
                }
                rows.append(contentsOf: try ProjectionRows.of(streams, keys: keys))
                try copying.wait()
                counts = Progress(streams: counts.streams + streams.count, events: counts.events + streams.reduce(0) { $0 + $1.count })
            }
            // A batch of events and the keys their sealed fields were sealed with, both read in the snapshot.
            func readAhead(after key: (stream: String, version: Int64)) {
                reading.start {
                    let events = try EventStore.readStreams(
                        on: reader, ofType: DossierEvent.streamType, after: (key.stream, key.version), limit: batchSize)
                    return (events, try KeyRing.sleutelsOmTeOpenen(KeyRing.sleutelIDs(in: events), on: reader))
                }
            }
            // The keys of the batches the pending stream's events came from.
            var keys: [String: SymmetricKey] = [:]
            do {
                readAhead(after: ("", 0))
                while true {
                    guard let (batch, batchKeys) = try reading.wait(), let last = batch.last else { break }
                    // The next batch is read while this one is worked out.
                    readAhead(after: (last.streamID, last.version))
                    var complete: [[RecordedEvent]] = []
                    for event in batch {
                        if let current = pending.first?.streamID, current != event.streamID {
                            complete.append(pending)
                            pending = []
                        }
                        pending.append(event)
                    }
                    keys.merge(batchKeys) { kept, _ in kept }
                    try project(complete, keys: keys)
                    // Only what the stream that goes on in the next batch needs is kept.
                    let stillNeeded = KeyRing.sleutelIDs(in: pending)
                    keys = keys.filter { stillNeeded.contains($0.key) }
                    progress(counts)
                }
                if !pending.isEmpty { try project([pending], keys: keys) }
            } catch {
                // Never leave a copy running on the connection the transaction is rolled back on, nor
                // a read on the reader's.
                _ = try? copying.wait()
                _ = try? reading.wait()
                throw error
            }
            try rows.copy(on: connection, into: tables)
            progress(counts)
            // Statistics before the swap: without them the planner's estimates for the new tables are
            // far off until autovacuum gets to them.
            try connection.execute(
                "ANALYZE \(tables.dossiers), \(tables.tijdlijn), \(tables.weergaven), \(tables.kamerstukken), \(tables.delen)"
            )
            try connection.execute("DROP TABLE dossiers, dossier_tijdlijn, dossier_weergaven, dossier_kamerstukken, dossier_kamerstukken_delen")
            try connection.execute("ALTER TABLE \(tables.dossiers) RENAME TO dossiers")
            try connection.execute("ALTER TABLE \(tables.tijdlijn) RENAME TO dossier_tijdlijn")
            try connection.execute("ALTER TABLE \(tables.weergaven) RENAME TO dossier_weergaven")
            try connection.execute("ALTER TABLE \(tables.kamerstukken) RENAME TO dossier_kamerstukken")
            try connection.execute("ALTER TABLE \(tables.delen) RENAME TO dossier_kamerstukken_delen")
            try Self.renameIndexes(on: connection)
            return counts
        }
        logger.info("projecties herbouwd", metadata: ["streams": "\(result.streams)", "events": "\(result.events)"])
        return result
    }

    /// Gives the swapped-in tables' indexes and keys the names the migration gave them.
    private static func renameIndexes(on connection: PostgresConnection) throws {
        let wanted: [(table: String, columns: String, name: String)] = [
            ("dossiers", "id", "dossiers_pkey"),
            ("dossiers", "kenmerk", "dossiers_kenmerk_key"),
            ("dossiers", "fase", "dossiers_fase_idx"),
            ("dossiers", "vakdepartement", "dossiers_vakdepartement_idx"),
            ("dossiers", "koepels", "dossiers_koepels_idx"),
            ("dossier_tijdlijn", "dossier_id, versie", "dossier_tijdlijn_pkey"),
            ("dossier_weergaven", "dossier_id, kijker", "dossier_weergaven_pkey"),
            ("dossier_kamerstukken", "dossier_id, versie", "dossier_kamerstukken_pkey"),
            ("dossier_kamerstukken", "dossier_id, nummer", "dossier_kamerstukken_dossier_id_nummer_key"),
            ("dossier_kamerstukken_delen", "dossier_id, deel", "dossier_kamerstukken_delen_pkey"),
        ]
        for index in wanted {
            let current = try connection.query(
                """
                SELECT i.relname AS naam FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                WHERE t.relname = $1 AND t.relnamespace = current_schema()::regnamespace
                  AND (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) = $2
                """,
                [.text(index.table), .text(index.columns)]
            ).first?.string("naam")
            if let current, current != index.name {
                try connection.execute("ALTER INDEX \"\(current)\" RENAME TO \(index.name)")
            }
        }
    }
}

/// One piece of work at a time on a thread of its own (not on Dispatch's threads, which the work
/// on the rows keeps busy): a copy of rows or the read of the next events. The caller waits for it
/// before it starts the next.
private final class OnItsOwnThread<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the thread before it signals `done`; read by the caller after waiting on it.
    private var result: Result<T, any Error>?
    private var isRunning = false

    /// Starts `work` (the caller has waited for the work before).
    func start(_ work: @escaping @Sendable () throws -> T) {
        precondition(!isRunning, "started before the work before was waited for")
        isRunning = true
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// Waits until the work started last has ended: its value, or its error; nil when none runs.
    func wait() throws -> T? {
        guard isRunning else { return nil }
        done.wait()
        isRunning = false
        defer { result = nil }
        return try result!.get()
    }
}
