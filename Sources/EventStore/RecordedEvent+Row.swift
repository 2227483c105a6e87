import Postgres

extension RecordedEvent {
    /// The select list that names the columns `init(row:)` reads.
    static let selectList = """
        position AS event_position, tx AS event_tx, stream_id AS event_stream_id, \
        stream_type AS event_stream_type, version AS event_version, event_id, type AS event_type, \
        schema_version AS event_schema_version, data AS event_data, metadata AS event_metadata, \
        recorded_at AS event_recorded_at, prev_hash AS event_prev_hash, hash AS event_hash
        """

    /// The same columns from an `INSERT INTO events AS x … RETURNING`.
    static let returningList = """
        x.position AS event_position, x.tx AS event_tx, x.stream_id AS event_stream_id, \
        x.stream_type AS event_stream_type, x.version AS event_version, x.event_id, x.type AS event_type, \
        x.schema_version AS event_schema_version, x.data AS event_data, x.metadata AS event_metadata, \
        x.recorded_at AS event_recorded_at, x.prev_hash AS event_prev_hash, x.hash AS event_hash
        """

    /// An event from a row with the columns of `selectList` (also what `event_store_append` returns).
    init(row: PostgresRow) throws {
        self.init(
            position: try row.int64("event_position"),
            transactionID: try row.decode(UInt64.self, "event_tx"),
            streamID: try row.string("event_stream_id"),
            streamType: try row.string("event_stream_type"),
            version: try row.int64("event_version"),
            eventID: try row.uuid("event_id"),
            type: try row.string("event_type"),
            schemaVersion: try row.int("event_schema_version"),
            data: try row.json("event_data"),
            metadata: try row.json("event_metadata"),
            recordedAt: try row.date("event_recorded_at"),
            previousHash: try row.data("event_prev_hash"),
            hash: try row.data("event_hash")
        )
    }
}
