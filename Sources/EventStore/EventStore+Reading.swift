import Foundation
import Postgres

extension EventStore {
    // MARK: Streams

    /// The stream's events in version order, up to `limit`; empty for an unknown stream.
    public func readStream(_ streamID: String, upTo limit: StreamLimit = .end) async throws -> [RecordedEvent] {
        return try await pool.withConnection { connection in
            try Self.readStream(on: connection, streamID, upTo: limit)
        }
    }

    /// `readStream` on a connection the caller holds (inside its transaction, if any).
    public static func readStream(
        on connection: PostgresConnection, _ streamID: String, upTo limit: StreamLimit = .end
    ) throws -> [RecordedEvent] {
        let rows: PostgresRows
        switch limit {
        case .end:
            rows = try connection.query("SELECT \(RecordedEvent.selectList) FROM events WHERE stream_id = $1 ORDER BY version", [.text(streamID)])
        case .version(let version):
            rows = try connection.query(
                "SELECT \(RecordedEvent.selectList) FROM events WHERE stream_id = $1 AND version <= $2 ORDER BY version",
                [.text(streamID), .int(version)]
            )
        case .recordedAt(let moment):
            rows = try connection.query(
                "SELECT \(RecordedEvent.selectList) FROM events WHERE stream_id = $1 AND recorded_at <= $2 ORDER BY version",
                [.text(streamID), .timestamp(moment)]
            )
        }
        return try rows.map(RecordedEvent.init(row:))
    }

    /// The events of every stream of `streamType` after the event `(streamID, version)`, in stream
    /// and version order, at most `limit`: one keyset pass across streams (start after `("", 0)`),
    /// on the unique index of stream and version, for rebuilds and exports.
    public static func readStreams(
        on connection: PostgresConnection, ofType streamType: String, after key: (streamID: String, version: Int64), limit: Int
    ) throws -> [RecordedEvent] {
        try connection.query(
            """
            SELECT \(RecordedEvent.selectList) FROM events
            WHERE stream_type = $1 AND (stream_id, version) > ($2, $3)
            ORDER BY stream_id, version LIMIT $4
            """,
            [.text(streamType), .text(key.streamID), .int(key.version), .int(Int64(limit))]
        ).map(RecordedEvent.init(row:))
    }

    /// The events of a stream with versions `after + 1 …` (at most `limit`) and the stream's version,
    /// read in one snapshot; nil when the stream does not exist.
    public func readStream(_ streamID: String, after: Int64, limit: Int) async throws -> (events: [RecordedEvent], version: Int64)? {
        return try await pool.withTransaction { connection in
            guard let version = try connection.query("SELECT version FROM streams WHERE stream_id = $1", [.text(streamID)]).first?
                .int64("version")
            else { return nil }
            let rows = try connection.query(
                "SELECT \(RecordedEvent.selectList) FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3",
                [.text(streamID), .int(after), .int(Int64(limit))]
            )
            return (try rows.map(RecordedEvent.init(row:)), version)
        }
    }

    /// The stream's current version, nil when it does not exist.
    public func streamVersion(_ streamID: String) async throws -> Int64? {
        try await pool.withConnection { connection in
            try connection.query("SELECT version FROM streams WHERE stream_id = $1", [.text(streamID)]).first?.int64("version")
        }
    }

    // MARK: Global feed

    /// Up to `limit` committed events after `cursor` (from the beginning when nil). Never
    /// skips a late commit: only events of transactions older than every transaction still
    /// running are returned, in (transaction id, position) order.
    public func readAll(after cursor: FeedCursor?, limit: Int) async throws -> FeedPage {
        return try await pool.withConnection { connection in
            try Self.readAll(on: connection, after: cursor, limit: limit)
        }
    }

    /// The cursor after the last event a feed reader can see now (below the horizon), nil for an
    /// empty feed: where a reader that wants only what comes next begins.
    public static func feedEnd(on connection: PostgresConnection) throws -> FeedCursor? {
        try connection.query(
            """
            SELECT tx, position FROM events WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx DESC, position DESC LIMIT 1
            """
        ).first.map { row in
            FeedCursor(transactionID: try row.decode(UInt64.self, "tx"), position: try row.int64("position"))
        }
    }

    /// `readAll` on a connection the caller holds. Call it before the transaction writes
    /// anything: once it has a transaction id of its own, later commits wait for the next transaction.
    public static func readAll(
        on connection: PostgresConnection, after cursor: FeedCursor?, limit: Int
    ) throws -> FeedPage {
        let rows = try connection.query(
            """
            SELECT \(RecordedEvent.selectList) FROM events
            WHERE (tx, position) > ($1::text::xid8, $2) AND tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx, position
            LIMIT $3
            """,
            [.text(String(cursor?.transactionID ?? 0)), .int(cursor?.position ?? 0), .int(Int64(max(limit, 0)))]
        )
        let stored = try rows.map(RecordedEvent.init(row:))
        let next = stored.last.map(FeedCursor.init(after:)) ?? cursor
        return FeedPage(events: stored, cursor: next)
    }

}
