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
}
