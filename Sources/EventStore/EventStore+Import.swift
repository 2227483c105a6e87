import Foundation
import Postgres

extension EventStore {
    /// Imports exported events (`EventTransferLine`'s format, one per line from `nextLine` until it
    /// returns nil) into an empty store, all or nothing, in one transaction:
    ///
    /// - refuses a store that already holds events or streams, before reading any input;
    /// - checks every line and refuses a repeated position, event id or stream version, naming the line;
    /// - inserts the events with their positions, ids, versions, recording times and hashes (the
    ///   transaction id is this import's own, so the feed reads them in position order);
    /// - recomputes every hash chain with the SQL function the appends use
    ///   (`event_store_canonical_bytes`) and refuses a broken one;
    /// - sets each stream's version and head hash from its last event and moves the position
    ///   sequence past the highest position;
    /// - runs `beforeCommit` (e.g. to restore counters kept beside the events) and commits.
    ///
    /// `nextLine` runs on a pool thread and may block; `progress` is called after each batch.
    /// `otherLine` is offered every line first, with its number, and returns true for a line of its
    /// own (written by `exportEvents`' `appending`), which it stores in the same transaction.
    @discardableResult
    public func importEvents(
        batchSize: Int = 500,
        progress: (@Sendable (EventTransferProgress) -> Void)? = nil,
        otherLine: (@Sendable (String, Int, PostgresConnection) throws -> Bool)? = nil,
        beforeCommit: (@Sendable (PostgresConnection) throws -> Void)? = nil,
        readingLines nextLine: @escaping @Sendable () throws -> String?
    ) async throws -> EventTransferProgress {
        let totals = try await pool.withTransaction { connection in
            try Self.requireEmptyStore(on: connection)
            var seen = EventTransferDuplicates()
            var batch: [String] = []
            var events = 0
            var lineNumber = 0
            while let raw = try nextLine() {
                lineNumber += 1
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if line.isEmpty { continue }
                if try otherLine?(line, lineNumber, connection) == true { continue }
                let parsed = try EventTransferLine.parse(line, number: lineNumber)
                try seen.record(parsed, number: lineNumber)
                batch.append(line)
                if batch.count >= max(batchSize, 1) {
                    try Self.insertImported(batch, on: connection)
                    events += batch.count
                    batch.removeAll(keepingCapacity: true)
                    progress?(EventTransferProgress(events: events, streams: seen.streamCount))
                }
            }
            if !batch.isEmpty {
                try Self.insertImported(batch, on: connection)
                events += batch.count
                progress?(EventTransferProgress(events: events, streams: seen.streamCount))
            }
            guard events > 0 else { throw EventTransferError.emptyInput }
            try Self.completeImportedStreams(on: connection)
            try beforeCommit?(connection)
            return EventTransferProgress(events: events, streams: seen.streamCount)
        }
        announceCommittedEvents()
        return totals
    }

    private static func requireEmptyStore(on connection: PostgresConnection) throws {
        try connection.execute("LOCK TABLE streams, events IN EXCLUSIVE MODE")
        let counts = try connection.query("SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM streams) AS streams")[0]
        let events = try counts.int64("events")
        let streams = try counts.int64("streams")
        guard events == 0 && streams == 0 else { throw EventTransferError.targetNotEmpty(events: events, streams: streams) }
    }

    /// Inserts checked lines: their streams first (at version 0, set at the end), then the events.
    private static func insertImported(_ lines: [String], on connection: PostgresConnection) throws {
        let array = Data(("[" + lines.joined(separator: ",") + "]").utf8)
        try connection.execute(
            """
            INSERT INTO streams (stream_id, stream_type, version, head_hash)
            SELECT DISTINCT ON (e ->> 'streamId') e ->> 'streamId', e ->> 'streamType', 0, decode(repeat('00', 32), 'hex')
            FROM jsonb_array_elements($1::jsonb) AS e
            ORDER BY e ->> 'streamId'
            ON CONFLICT (stream_id) DO NOTHING
            """,
            [.jsonb(array)]
        )
        try connection.execute(
            """
            INSERT INTO events (position, stream_id, stream_type, version, event_id, type, schema_version, data,
                metadata, recorded_at, prev_hash, hash)
            OVERRIDING SYSTEM VALUE
            SELECT (e ->> 'position')::bigint, e ->> 'streamId', e ->> 'streamType', (e ->> 'version')::bigint,
                (e ->> 'eventId')::uuid, e ->> 'type', (e ->> 'schemaVersion')::integer, e -> 'data', e -> 'metadata',
                (e ->> 'recordedAt')::timestamptz, decode(e ->> 'previousHash', 'hex'), decode(e ->> 'hash', 'hex')
            FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS n (e, i)
            ORDER BY n.i
            """,
            [.jsonb(array)]
        )
    }

    /// Checks the imported chains and stream types, then moves each stream's head to its last event
    /// and the position sequence past the highest position.
    private static func completeImportedStreams(on connection: PostgresConnection) throws {
        if let mixed = try connection.query(
            "SELECT stream_id FROM events GROUP BY stream_id HAVING count(DISTINCT stream_type) > 1 ORDER BY stream_id LIMIT 1"
        ).first {
            throw EventTransferError.inconsistentStreamType(streamID: try mixed.string("stream_id"))
        }
        let broken = try connection.query(
            """
            WITH checked AS (
                SELECT e.stream_id, e.version, e.event_id, e.position, e.prev_hash,
                    row_number() OVER w AS expected_version,
                    coalesce(lag(e.hash) OVER w, decode(repeat('00', 32), 'hex')) AS expected_prev_hash,
                    e.hash = sha256(e.prev_hash || event_store_canonical_bytes(e.stream_id, e.stream_type, e.version,
                        e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at)) AS hash_holds
                FROM events e
                WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.version)
            )
            SELECT DISTINCT ON (stream_id) stream_id, version, expected_version, event_id, position,
                CASE WHEN version <> expected_version THEN 'versionGap'
                     WHEN prev_hash <> expected_prev_hash THEN 'previousHashMismatch'
                     ELSE 'hashMismatch' END AS reason
            FROM checked
            WHERE version <> expected_version OR prev_hash <> expected_prev_hash OR NOT hash_holds
            ORDER BY stream_id, version
            """
        ).map { row -> BrokenStream in
            let reason = BrokenStream.Reason(rawValue: try row.string("reason")) ?? .hashMismatch
            if reason == .versionGap {
                return BrokenStream(streamID: try row.string("stream_id"), version: try row.int64("expected_version"), eventID: nil, position: nil, reason: reason)
            }
            return BrokenStream(
                streamID: try row.string("stream_id"), version: try row.int64("version"), eventID: try row.uuid("event_id"),
                position: try row.int64("position"), reason: reason
            )
        }
        guard broken.isEmpty else { throw EventTransferError.brokenChains(broken) }
        try connection.execute(
            """
            UPDATE streams s SET version = l.version, head_hash = l.hash, created_at = l.first_recorded_at, updated_at = l.recorded_at
            FROM (
                SELECT DISTINCT ON (stream_id) stream_id, version, hash, recorded_at,
                    min(recorded_at) OVER (PARTITION BY stream_id) AS first_recorded_at
                FROM events ORDER BY stream_id, version DESC
            ) l
            WHERE l.stream_id = s.stream_id
            """
        )
        try connection.execute("SELECT setval(pg_get_serial_sequence('events', 'position'), (SELECT max(position) FROM events))")
    }
}
