import NIOPosix

extension PostgresConnectionPool {
    /// Listens on `channel` until the calling task is cancelled, on a dedicated connection outside
    /// the pool's bound and on a thread of its own, reconnecting (after a second) when the
    /// connection breaks. `onEvent` gets `.connected` after every (re)connect and each notification.
    public func listen(to channel: String, onEvent: @escaping @Sendable (PostgresListenerEvent) -> Void) async {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        while !Task.isCancelled {
            do {
                let connection = try await makeDedicatedConnection()
                try await thread.runIfActive { try connection.listen(channel) }
                onEvent(.connected)
                while !Task.isCancelled {
                    let notification = try await thread.runIfActive {
                        try connection.waitForNotification(timeout: .milliseconds(250))
                    }
                    if let notification { onEvent(.notification(notification)) }
                }
            } catch {
                if Task.isCancelled { break }
                logger.warning("PostgreSQL listener lost its connection; reconnecting", metadata: ["postgres.channel": "\(channel)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
        try? await thread.shutdownGracefully()
    }
}
