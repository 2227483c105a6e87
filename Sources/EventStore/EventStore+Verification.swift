import Postgres

extension EventStore {
    /// Recomputes every stream's hash chain from the stored events (in pages, so memory stays
    /// small) and names the first bad event of each broken stream. `progress` is called after each page.
    public func verify(progress: (@Sendable (VerificationProgress) -> Void)? = nil) async throws -> VerificationReport {
        let pageSize = 2000
        var verifier = ChainVerifier()
        var after: (streamID: String, version: Int64)? = nil
        while true {
            let start = after
            let current = verifier
            let (page, last) = try await pool.withConnection { connection -> (ChainVerifier, (String, Int64)?) in
                var pageVerifier = current
                let rows = try connection.query(
                    """
                    SELECT e.stream_id, e.stream_type, e.version, e.event_id, e.type, e.schema_version,
                        e.data::text AS data_text, e.metadata::text AS metadata_text,
                        (extract(epoch FROM e.recorded_at) * 1000000)::int8 AS recorded_micros,
                        e.prev_hash, e.hash, e.position, s.version AS head_version, s.head_hash
                    FROM events e JOIN streams s ON s.stream_id = e.stream_id
                    WHERE $1::bool OR (e.stream_id, e.version) > ($2, $3)
                    ORDER BY e.stream_id, e.version
                    LIMIT $4
                    """,
                    [.bool(start == nil), .text(start?.streamID ?? ""), .int(start?.version ?? 0), .int(Int64(pageSize))]
                )
                for row in rows { try pageVerifier.check(row) }
                let last = try rows.last.map { (try $0.string("stream_id"), try $0.int64("version")) }
                return (pageVerifier, rows.count == pageSize ? last : nil)
            }
            verifier = page
            progress?(VerificationProgress(streamsChecked: verifier.streamsChecked, eventsChecked: verifier.eventsChecked))
            guard let last else { break }
            after = last
        }
        verifier.finish()
        let empty = try await pool.withConnection { connection in
            try connection.query(
                "SELECT stream_id FROM streams s WHERE version > 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = s.stream_id) ORDER BY stream_id"
            ).map { try $0.string("stream_id") }
        }
        for streamID in empty { verifier.recordStreamWithoutEvents(streamID) }
        return VerificationReport(
            streamsChecked: verifier.streamsChecked,
            eventsChecked: verifier.eventsChecked,
            brokenStreams: verifier.brokenStreams.sorted { $0.streamID < $1.streamID }
        )
    }
}
