import NIOPosix
import ServiceLifecycle
import Synchronization

/// Answers "does the database answer?" within a bound, whatever the pool is doing: it keeps one
/// connection of its own on a thread of its own, so a pool whose connections all wait on a lock,
/// and whose threads are all busy, does not hold it up. Run it as a `Service` (it closes on shutdown).
public final class PostgresHealthProbe: Service, Sendable {
    private let connectionString: String
    private let limits: PostgresLimits
    private let thread = NIOThreadPool(numberOfThreads: 1)
    private let state = Mutex<(connection: PostgresConnection?, busy: Bool)>((nil, false))

    /// A probe of the database the pool connects to, with the pool's limits.
    public init(pool: PostgresConnectionPool) {
        connectionString = pool.connectionStringForProbe
        limits = pool.limits
        thread.start()
    }

    /// True when the database answered `SELECT 1` within `bound`. A check still under way from an
    /// earlier call counts as no answer: at most one waits on the database at a time.
    public func check(within bound: Duration) async -> Bool {
        let mayStart = state.withLock { state in
            guard !state.busy else { return false }
            state.busy = true
            return true
        }
        guard mayStart else { return false }
        let answer = Answer()
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: bound)
                answer.give(false)
            }
            let answered = await withCheckedContinuation { continuation in
                answer.await(continuation)
                // The ping may outlive the bound on its own thread; the next check sees it still busy.
                thread.submit { work in
                    let reached = work == .active && ((try? self.ping()) ?? false)
                    self.state.withLock { $0.busy = false }
                    answer.give(reached)
                }
            }
            group.cancelAll()
            return answered
        }
    }

    /// The first of "the database answered" and "the bound ran out", given once.
    private final class Answer: Sendable {
        private let state = Mutex<(continuation: CheckedContinuation<Bool, Never>?, given: Bool?)>((nil, nil))

        func await(_ continuation: CheckedContinuation<Bool, Never>) {
            let early = state.withLock { state -> Bool? in
                if let given = state.given { return given }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }

        func give(_ value: Bool) {
            let waiting = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard state.given == nil else { return nil }
                state.given = value
                defer { state.continuation = nil }
                return state.continuation
            }
            waiting?.resume(returning: value)
        }
    }

    /// Keeps the probe until graceful shutdown, then stops its thread.
    public func run() async throws {
        try? await gracefulShutdown()
        try? await thread.shutdownGracefully()
    }

    /// `SELECT 1` on the kept connection; when that fails (a connection from before a restart of
    /// PostgreSQL looks healthy until it is used), once more on a fresh connection before reporting,
    /// so a load balancer is not told "down" about a database that is back.
    private func ping() throws -> Bool {
        if let kept = state.withLock({ $0.connection }), kept.isHealthy {
            do {
                _ = try kept.query("SELECT 1")
                return true
            } catch {
                state.withLock { $0.connection = nil }
            }
        }
        let connection = try PostgresConnection(connectionString: connectionString, limits: limits)
        state.withLock { $0.connection = connection }
        do {
            _ = try connection.query("SELECT 1")
            return true
        } catch {
            state.withLock { $0.connection = nil }
            throw error
        }
    }
}
