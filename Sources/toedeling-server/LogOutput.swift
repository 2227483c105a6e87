import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where log lines go: a file descriptor written by a thread of its own, a batch every few
/// milliseconds, so a request does not pay a `write(2)` for its log line (at level info one line per
/// request). A line at level warning or above is written at once, with everything before it, and so
/// is everything left at exit; a caller that finds a megabyte unwritten (the reader is slow) writes
/// it itself, so the buffer cannot grow without bound.
public final class LogOutput: Sendable {
    /// Standard output, batched every 5 ms.
    public static let standardOutput: LogOutput = {
        let output = LogOutput(fileDescriptor: STDOUT_FILENO, interval: .milliseconds(5))
        atexit { LogOutput.standardOutput.flush() }
        return output
    }()

    private let fileDescriptor: Int32
    private let interval: Duration
    private let pending = Mutex<[UInt8]>([])
    /// Held while a batch is taken and written, so batches leave in the order they were taken.
    private let writing = Mutex<Void>(())
    private let wake = DispatchSemaphore(value: 0)
    private static let limit = 1 << 20

    /// Lines for `fileDescriptor`, written at most `interval` after they came.
    public init(fileDescriptor: Int32, interval: Duration) {
        self.fileDescriptor = fileDescriptor
        self.interval = interval
        let thread = Thread { [self] in self.run() }
        thread.name = "log-output"
        thread.start()
    }

    /// Adds `line`; written now (with all before it) when `now`, else with the next batch.
    public func write(_ line: [UInt8], now: Bool = false) {
        let (wasEmpty, full) = pending.withLock { pending in
            let wasEmpty = pending.isEmpty
            pending.append(contentsOf: line)
            return (wasEmpty, pending.count >= Self.limit)
        }
        if now || full {
            flush()
        } else if wasEmpty {
            wake.signal()
        }
    }

    /// Writes everything added so far.
    public func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { pending in
                let batch = pending
                pending.removeAll(keepingCapacity: true)
                return batch
            }
            batch.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return  // nowhere to write (closed): the lines are dropped, the server goes on
                    }
                    offset += written
                }
            }
        }
    }

    private func run() {
        let microseconds = UInt32(interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000)
        while true {
            wake.wait()
            usleep(microseconds)
            flush()
        }
    }
}
