import CLibPQ

extension PostgresConnection {
    /// Copies `rows` into `table` (`COPY table (columns) FROM STDIN`, text format) on this
    /// connection's transaction, sent in pieces of at most 1 MiB; returns how many rows PostgreSQL
    /// took. A row PostgreSQL refuses fails the whole copy with its error, and nothing of it stays.
    @discardableResult
    public func copy(_ rows: PostgresCopyRows, into table: String, columns: [String]) throws -> Int {
        try sendPendingBegin()
        let sql = "COPY \(try quotedIdentifier(table)) (\(try columns.map(quotedIdentifier).joined(separator: ", "))) FROM STDIN"
        guard let started = PQexec(handle, sql) else {
            throw callFailed()
        }
        // A COPY's own result has no column names to read: not a `PostgresResult`.
        defer { PQclear(started) }
        guard PQresultStatus(started) == PGRES_COPY_IN else { throw error(from: started) }
        var failure: String?
        rows.bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let length = min(1 << 20, buffer.count - offset)
                let sent = buffer.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                    PQputCopyData(handle, $0, Int32(length))
                }
                guard sent == 1 else {
                    failure = String(cString: PQerrorMessage(handle))
                    return
                }
                offset += length
            }
        }
        // Ending the copy with an error message makes the server abandon it.
        let ended = failure.map { PQputCopyEnd(handle, $0) } ?? PQputCopyEnd(handle, nil)
        var outcome: Result<Int, PostgresError> = .failure(
            PostgresError(code: isHealthy ? .queryFailed : .connectionLost, serverMessage: failure ?? String(cString: PQerrorMessage(handle))))
        var first = true
        while let raw = PQgetResult(handle) {
            defer { PQclear(raw) }
            guard first else { continue }
            first = false
            if ended == 1, failure == nil, PQresultStatus(raw) == PGRES_COMMAND_OK {
                outcome = .success(Int(String(cString: PQcmdTuples(raw))) ?? 0)
            } else if PQresultStatus(raw) != PGRES_COMMAND_OK {
                outcome = .failure(error(from: raw))
            }
        }
        return try outcome.get()
    }
}
