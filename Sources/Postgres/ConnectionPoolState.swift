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

    mutating func removeWaiter(id: UInt64) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }
}
