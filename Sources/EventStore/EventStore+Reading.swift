import Foundation
import Postgres

extension EventStore {
    // MARK: Streams

    /// The stream's events in version order, up to `limit`, upcast; empty for an unknown stream.
    public func readStream(_ streamID: String, upTo limit: StreamLimit = .end) async throws -> [RecordedEvent] {
        let upcaster = upcaster
        return try await pool.withConnection { connection in
            try Self.readStream(on: connection, streamID, upTo: limit, upcaster: upcaster)
        }
    }

    /// `readStream` on a connection the caller holds (inside its transaction, if any).
    public static func readStream(
        on connection: PostgresConnection, _ streamID: String, upTo limit: StreamLimit = .end, upcaster: (any EventUpcaster)? = nil
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
        return try rows.map { try upcasted(RecordedEvent(row: $0), by: upcaster) }
    }

    /// The events of a stream with versions `after + 1 …` (at most `limit`) and the stream's version,
    /// read in one snapshot; nil when the stream does not exist.
    public func readStream(_ streamID: String, after: Int64, limit: Int) async throws -> (events: [RecordedEvent], version: Int64)? {
        let upcaster = upcaster
        return try await pool.withTransaction { connection in
            guard let version = try connection.query("SELECT version FROM streams WHERE stream_id = $1", [.text(streamID)]).first?
                .int64("version")
            else { return nil }
            let rows = try connection.query(
                "SELECT \(RecordedEvent.selectList) FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3",
                [.text(streamID), .int(after), .int(Int64(limit))]
            )
            return (try rows.map { try Self.upcasted(RecordedEvent(row: $0), by: upcaster) }, version)
        }
    }

    /// The stream's current version, nil when it does not exist.
    public func streamVersion(_ streamID: String) async throws -> Int64? {
        try await pool.withConnection { connection in
            try connection.query("SELECT version FROM streams WHERE stream_id = $1", [.text(streamID)]).first?.int64("version")
        }
    }

    // MARK: Global feed

    /// Up to `limit` committed events after `cursor` (from the beginning when nil), upcast. Never
    /// skips a late commit: only events of transactions older than every transaction still
    /// running are returned, in (transaction id, position) order.
    public func readAll(after cursor: FeedCursor?, limit: Int) async throws -> FeedPage {
        let upcaster = upcaster
        return try await pool.withConnection { connection in
            try Self.readAll(on: connection, after: cursor, limit: limit, upcaster: upcaster)
        }
    }

    /// `readAll` on a connection the caller holds. Call it before the transaction writes
    /// anything: once it has a transaction id of its own, later commits wait for the next transaction.
    public static func readAll(
        on connection: PostgresConnection, after cursor: FeedCursor?, limit: Int, upcaster: (any EventUpcaster)? = nil
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
        return FeedPage(events: try stored.map { try upcasted($0, by: upcaster) }, cursor: next)
    }

    static func upcasted(_ event: RecordedEvent, by upcaster: (any EventUpcaster)?) throws -> RecordedEvent {
        guard let upcaster else { return event }
        return try upcaster.upcast(event)
    }
}
