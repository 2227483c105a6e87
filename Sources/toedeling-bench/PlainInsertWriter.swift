import Foundation
import Postgres

/// Inserts one row per transaction into a table shaped like `events`, without the store's
/// locking, checks and hashing: the baseline the store is compared with.
struct PlainInsertWriter: BenchmarkWriter {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS bench_plain_events (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
            stream_id text NOT NULL,
            stream_type text NOT NULL,
            version bigint NOT NULL,
            event_id uuid NOT NULL UNIQUE,
            type text NOT NULL,
            schema_version integer NOT NULL,
            data jsonb NOT NULL,
            metadata jsonb NOT NULL,
            recorded_at timestamptz NOT NULL,
            prev_hash bytea NOT NULL,
            hash bytea NOT NULL,
            UNIQUE (stream_id, version)
        );
        CREATE INDEX IF NOT EXISTS bench_plain_events_feed_order ON bench_plain_events (tx, position);
        """

    let pool: PostgresConnectionPool
    let stream: String

    func writeOne(version: Int64) async throws {
        let parameters: [PostgresValue] = [
            .text(stream), .text("bench"), .int(version), .uuid(UUID()), .text("BenchmarkEvent"), .int(1),
            .jsonb(BenchmarkPayload.data), .jsonb(BenchmarkPayload.metadata), .timestamp(Date()),
            .bytea(BenchmarkPayload.zeroHash), .bytea(BenchmarkPayload.zeroHash),
        ]
        try await pool.withConnection { connection in
            try connection.execute(
                """
                INSERT INTO bench_plain_events (stream_id, stream_type, version, event_id, type, schema_version,
                    data, metadata, recorded_at, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """,
                parameters
            )
        }
    }
}
