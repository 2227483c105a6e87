import EventStore
import Foundation
import Logging
import Postgres
import Dossiers
import ToedelingTestSupport

/// A fresh database of its own with a pool, store and service over it (see `ServiceDatabase`).
typealias TestDatabase = ServiceDatabase

extension ServiceDatabase {
    /// The rows of a query, each as its text, to compare databases.
    func rows(_ sql: String) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT q::text AS row FROM (\(sql)) q").map { try $0.string("row") }
        }
    }

    /// Every stored event, all columns but the transaction id, in position order.
    func events() async throws -> [String] {
        try await rows(
            """
            SELECT position, stream_id, stream_type, version, event_id, type, schema_version, data::text, metadata::text,
                recorded_at, prev_hash, hash FROM events ORDER BY position
            """
        )
    }

    /// Every stream row's identity and head.
    func streams() async throws -> [String] {
        try await rows("SELECT stream_id, stream_type, version, head_hash FROM streams ORDER BY stream_id")
    }

    /// How many rows a table has.
    func count(_ table: String) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.query("SELECT count(*) AS n FROM \(table)")[0].int("n")
        }
    }
}
