import EventStore
import Foundation
import Logging
import Postgres
import Taaktoedeling

/// Rebuilds the dossier read models from the events: fills fresh tables and swaps them in within one
/// transaction, so readers see the old tables until the new ones are complete. Appends wait for the
/// rebuild (it holds a SHARE lock on `events`), so no event is left out of the new tables.
public struct ProjectionRebuilder: Sendable {
    let pool: PostgresConnectionPool
    let logger: Logger

    /// A rebuilder over the given pool.
    public init(pool: PostgresConnectionPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// How far a rebuild has come.
    public struct Progress: Sendable {
        /// Streams projected so far.
        public let streams: Int
        /// Events projected so far.
        public let events: Int
    }

    /// Rebuilds; `progress` is called after every batch of streams. Returns the final counts.
    @discardableResult
    public func rebuild(progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> Progress {
        let logger = logger
        let result = try await pool.withTransaction { connection in
            try connection.execute("LOCK TABLE events IN SHARE MODE")
            let tables = DossierTables.herbouw
            try connection.execute("DROP TABLE IF EXISTS \(tables.dossiers), \(tables.tijdlijn)")
            try connection.execute("CREATE TABLE \(tables.dossiers) (LIKE dossiers INCLUDING ALL)")
            try connection.execute("CREATE TABLE \(tables.tijdlijn) (LIKE dossier_tijdlijn INCLUDING ALL)")
            var counts = Progress(streams: 0, events: 0)
            var lastStream = ""
            while true {
                let batch = try Self.readBatch(after: lastStream, on: connection)
                guard let last = batch.last else { break }
                var index = batch.startIndex
                while index < batch.endIndex {
                    let stream = batch[index].streamID
                    let end = batch[index...].firstIndex { $0.streamID != stream } ?? batch.endIndex
                    let elements = try DossierStream.decode(Array(batch[index..<end]))
                    try DossierProjection.apply(elements, after: nil, on: connection, into: tables)
                    counts = Progress(streams: counts.streams + 1, events: counts.events + elements.count)
                    index = end
                }
                lastStream = last.streamID
                progress(counts)
            }
            try connection.execute("DROP TABLE dossiers, dossier_tijdlijn")
            try connection.execute("ALTER TABLE \(tables.dossiers) RENAME TO dossiers")
            try connection.execute("ALTER TABLE \(tables.tijdlijn) RENAME TO dossier_tijdlijn")
            try Self.renameIndexes(on: connection)
            return counts
        }
        logger.info("projecties herbouwd", metadata: ["streams": "\(result.streams)", "events": "\(result.events)"])
        return result
    }

    /// The events of whole streams after `streamID` in stream order: up to about 200 streams a batch.
    private static func readBatch(after streamID: String, on connection: PostgresConnection) throws -> [RecordedEvent] {
        let streams = try connection.query(
            "SELECT stream_id FROM streams WHERE stream_type = $1 AND stream_id > $2 ORDER BY stream_id LIMIT 200",
            [.text(DossierEvent.streamType), .text(streamID)]
        ).map { try $0.string("stream_id") }
        return try streams.flatMap { try EventStore.readStream(on: connection, $0) }
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
