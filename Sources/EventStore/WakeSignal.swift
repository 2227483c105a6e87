import Synchronization

/// A wake-up flag a single waiter sleeps on: signals while nobody waits are kept (coalesced into
/// one), so a wake-up between two waits is never lost.
public final class WakeSignal: Sendable {
    /// A signal nobody has given yet.
    public init() {}

    private let state = Mutex<(pending: Bool, released: Bool, waiter: CheckedContinuation<Bool, Never>?)>((false, false, nil))

    /// Wakes the waiter, or the next one to wait.
    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: true)
    }

    /// Returns at the next signal (at once if one is pending) with true; after `timeout` or on
    /// cancellation with false. The timer is a child task, ended when the wait ends.
    @discardableResult
    public func wait(timeout: Duration) async -> Bool {
        let woken = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.release()
            }
            let woken = await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                    let now = state.withLock { state -> Bool? in
                        if state.pending {
                            state.pending = false
                            return true
                        }
                        if Task.isCancelled || state.released { return false }
                        state.waiter = continuation
                        return nil
                    }
                    if let now { continuation.resume(returning: now) }
                }
            } onCancel: {
                release()
            }
            group.cancelAll()
            return woken
        }
        // The timer has finished with the group: what it released belongs to this wait only.
        state.withLock { $0.released = false }
        return woken
    }

    /// Ends a wait without a signal (its time ran out, or it was cancelled).
    private func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            state.released = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: false)
    }
}
