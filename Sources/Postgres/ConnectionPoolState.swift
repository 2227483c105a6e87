/// The bookkeeping of `PostgresConnectionPool`, always used under its lock.
struct ConnectionPoolState {
    /// What a caller gets when it is its turn: an idle connection, or the right to open one.
    enum Lease: Sendable {
        case connection(PostgresConnection)
        case openNew
    }

    typealias Waiter = (id: UInt64, continuation: CheckedContinuation<Lease, any Error>)

    let maximumConnections: Int
    var idle: [PostgresConnection] = []
    /// Connections that exist or are being opened (idle + leased).
    var open = 0
    /// Leases handed out (connections in use or being opened).
    var inUse = 0
    var waiters: [Waiter] = []
    var nextWaiterID: UInt64 = 0
    var isClosed = false
    /// Reads waiting to be sent (`PostgresConnectionPool.read`), oldest first.
    var reads: [PendingRead] = []
    /// Readers (a connection sending queued reads in batches) running or waiting for a connection.
    var readers = 0

    mutating func makeWaiterID() -> UInt64 {
        nextWaiterID += 1
        return nextWaiterID
    }

    /// A lease now, or nil when the caller has to wait.
    mutating func leaseIfAvailable() -> Lease? {
        if let connection = idle.popLast() {
            inUse += 1
            return .connection(connection)
        }
        if open < maximumConnections {
            open += 1
            inUse += 1
            return .openNew
        }
        return nil
    }

    /// Takes a lease back. A kept connection goes to the longest waiter or the idle list; a
    /// discarded one frees its slot, which the longest waiter gets as the right to open a new one.
    mutating func returnLease(keeping connection: PostgresConnection?) -> (Waiter, Lease)? {
        inUse -= 1
        guard let connection, !isClosed else {
            open -= 1
            guard !isClosed, !waiters.isEmpty else { return nil }
            open += 1
            inUse += 1
            return (waiters.removeFirst(), .openNew)
        }
        guard !waiters.isEmpty else {
            idle.append(connection)
            return nil
        }
        inUse += 1
        return (waiters.removeFirst(), .connection(connection))
    }

    /// The next batch of queued reads for a running reader, oldest first: at most `limit`.
    mutating func takeReads(limit: Int) -> [PendingRead] {
        guard reads.count > limit else {
            defer { reads = [] }
            return reads
        }
        let batch = Array(reads.prefix(limit))
        reads.removeFirst(limit)
        return batch
    }

    mutating func removeWaiter(id: UInt64) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }
}

/// A read queued for the pool's readers: its statement and what to do with its outcome (run on the
/// reader's thread, while the result is owned).
struct PendingRead: Sendable {
    let sql: String
    let parameters: [PostgresValue]
    let complete: @Sendable (Result<PostgresRows, any Error>) -> Void
}
