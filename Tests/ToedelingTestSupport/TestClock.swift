import Foundation
import Synchronization

/// A clock a test moves by hand, injected as the moment commands are decided and recorded at, so a
/// test about peildatums needs no sleep.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock standing at `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_772_359_200)) {
        current = Mutex(start)
    }

    /// The moment it stands at.
    public var now: Date { current.withLock { $0 } }

    /// Moves it forward.
    public func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The clock as the service takes it.
    public var reading: @Sendable () -> Date { { [self] in now } }
}
