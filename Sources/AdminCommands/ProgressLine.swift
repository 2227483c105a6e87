import Foundation
import Synchronization

/// A progress line on standard error that rewrites itself (`\r`), shown only when the context says
/// so (the program: when standard error is a terminal). `finish()` ends the line.
final class ProgressLine: Sendable {
    private let context: AdminContext
    private let shown = Mutex(false)

    init(_ context: AdminContext) {
        self.context = context
    }

    /// Replaces the line with `text`.
    func show(_ text: String) {
        guard context.showsProgress else { return }
        shown.withLock { $0 = true }
        try? context.errors.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Ends the line if anything was shown since the last `finish()`.
    func finish() {
        let wasShown = shown.withLock { shown in
            defer { shown = false }
            return shown
        }
        guard wasShown else { return }
        try? context.errors.write("\n")
    }
}
