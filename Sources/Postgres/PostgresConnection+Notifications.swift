import CLibPQ
import Foundation

extension PostgresConnection {
    /// Starts listening on `channel` (LISTEN); notifications arrive through `waitForNotification(timeout:)`.
    public func listen(_ channel: String) throws {
        try executeScript("LISTEN \(quotedIdentifier(channel))")
    }

    /// Stops listening on `channel` (UNLISTEN).
    public func unlisten(_ channel: String) throws {
        try executeScript("UNLISTEN \(quotedIdentifier(channel))")
    }

    /// Sends a notification (`pg_notify`); inside a transaction it is delivered at commit.
    /// Outside one, `asynchronousCommit` commits it without waiting for the WAL flush (a
    /// notification has nothing to make durable), so it costs concurrent writers no disk flush.
    public func notify(_ channel: String, payload: String = "", asynchronousCommit: Bool = false) throws {
        guard asynchronousCommit, !isInTransaction else {
            try execute("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
            return
        }
        try executeScript(
            "BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_notify(\(try quotedLiteral(channel)), \(try quotedLiteral(payload))); COMMIT"
        )
    }

    /// Waits up to `timeout` for the next notification on a channel this connection listens to;
    /// nil when none arrived in time. Throws `.connectionLost` when the connection breaks.
    public func waitForNotification(timeout: Duration) throws -> PostgresNotification? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            guard PQconsumeInput(handle) == 1, isHealthy else {
                throw PostgresError(code: .connectionLost, serverMessage: String(cString: PQerrorMessage(handle)))
            }
            if let notification = nextReceivedNotification() { return notification }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return nil }
            let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32(clamping: milliseconds)) < 0, errno != EINTR {
                throw PostgresError(code: .connectionLost, serverMessage: "poll failed with errno \(errno)")
            }
        }
    }

    private func nextReceivedNotification() -> PostgresNotification? {
        guard let raw = PQnotifies(handle) else { return nil }
        defer { PQfreemem(raw) }
        return PostgresNotification(
            channel: String(cString: raw.pointee.relname),
            payload: raw.pointee.extra.map { String(cString: $0) } ?? "",
            senderProcessID: raw.pointee.be_pid
        )
    }

    /// Reads whatever the server sent while the connection was idle and tells whether it is still
    /// usable: a terminated backend or restarted server shows up here as a FATAL notice or EOF,
    /// before the connection is handed out again.
    func isAliveAfterIdle() -> Bool {
        for _ in 0..<4 {
            guard isHealthy else { return false }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 0)
            if ready == 0 { return true }
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            guard PQconsumeInput(handle) == 1 else { return false }
            _ = PQisBusy(handle)
        }
        return isHealthy
    }
}
