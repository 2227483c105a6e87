import Foundation
import Postgres

extension EventStore {
    /// Writes every stored event as one line of JSON (`EventTransferLine`'s format) in position
    /// order, read from one consistent snapshot, so the lines hold whole streams with their heads as
    /// they were when the export began; appends during the export are not in it. `write` gets the
    /// lines a page at a time on a pool thread; `progress` is called after each page. `appending`,
    /// when given, writes further lines of its own after the events, from the same snapshot (the
    /// application's document bytes). Returns the totals.
    @discardableResult
    public func exportEvents(
        pageSize: Int = 1000,
        progress: (@Sendable (EventTransferProgress) -> Void)? = nil,
        appending: (@Sendable (PostgresConnection, (Data) throws -> Void) throws -> Void)? = nil,
        write: @escaping @Sendable (Data) throws -> Void
    ) async throws -> EventTransferProgress {
        try await pool.withTransaction { connection in
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            var streams = Set<String>()
            var events = 0
            var after: Int64 = 0
            while true {
                let rows = try connection.query(EventTransferLine.exportQuery, [.int(after), .int(Int64(max(pageSize, 1)))])
                guard let last = rows.last else { break }
                var chunk = ""
                for row in rows {
                    chunk += try EventTransferLine.line(from: row)
                    streams.insert(try row.string("stream_id"))
                }
                try write(Data(chunk.utf8))
                events += rows.count
                after = try last.int64("position")
                progress?(EventTransferProgress(events: events, streams: streams.count))
            }
            try appending?(connection, write)
            return EventTransferProgress(events: events, streams: streams.count)
        }
    }

    /// The events of one stream after `version`, at most `limit`, as export lines (the format of
    /// `exportEvents`, each with its newline): for an archive package's copy of a stream.
    public func exportLines(of streamID: String, after version: Int64, limit: Int) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query(EventTransferLine.streamExportQuery, [.int(version), .int(Int64(max(limit, 1))), .text(streamID)])
                .map { try EventTransferLine.line(from: $0) }
        }
    }
}
