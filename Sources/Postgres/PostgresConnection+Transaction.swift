extension PostgresConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws (and
    /// rethrows the error unchanged). Inside another transaction it uses a savepoint instead.
    /// Throws `.transactionAborted` if a statement inside failed but `body` swallowed the error.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let savepoint: String? = isInTransaction ? "toedeling_savepoint_\(savepointDepth + 1)" : nil
        if let savepoint {
            try executeScript("SAVEPOINT \(savepoint)")
            savepointDepth += 1
        } else {
            // BEGIN goes with the first statement (one round trip less per transaction).
            beginPending = true
        }
        defer { if savepoint != nil { savepointDepth -= 1 } }
        do {
            let value = try body(self)
            if hasFailedTransaction {
                throw PostgresError(code: .transactionAborted, serverMessage: "a statement in the transaction failed")
            }
            if savepoint == nil, beginPending {
                // Nothing was sent: there is no transaction to commit.
                beginPending = false
            } else if savepoint == nil, !isInTransaction {
                // Committed by the body's last round trip (`queries(_:committing:)`).
            } else {
                try executeScript(savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT")
            }
            return value
        } catch {
            if savepoint == nil, beginPending {
                beginPending = false
            } else if isHealthy {
                try? executeScript(savepoint.map { "ROLLBACK TO SAVEPOINT \($0); RELEASE SAVEPOINT \($0)" } ?? "ROLLBACK")
            }
            throw error
        }
    }

    /// The id of the snapshot of this connection's open transaction, for another connection to read
    /// in (`beginReadOnly(snapshot:)`) while this transaction stays open.
    public func exportSnapshot() throws -> String {
        try query("SELECT pg_export_snapshot() AS id")[0].string("id")
    }

    /// Begins a read-only transaction that sees exactly what the transaction that exported `snapshot`
    /// sees (`exportSnapshot()` on another connection, whose transaction is still open).
    public func beginReadOnly(snapshot: String) throws {
        try executeScript("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT " + quotedLiteral(snapshot))
    }
}
