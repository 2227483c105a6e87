import AdminCommands
import Foundation
import Synchronization

/// What one in-process run of `toedeling-admin` wrote and returned.
struct AdminRun {
    let code: Int32
    let output: Data
    let errors: String

    /// The output as UTF-8 text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Runs the CLI in-process with the arguments, `DATABASE_URL` set to `databaseURL` (when given)
    /// and standard input read from `input`; progress is not shown.
    static func run(_ arguments: [String], databaseURL: String? = nil, input: [String] = []) async -> AdminRun {
        let output = Captured()
        let errors = Captured()
        let lines = Mutex(input[...])
        let context = AdminContext(
            output: AdminOutput { output.append($0) },
            errors: AdminOutput { errors.append($0) },
            readInputLine: { lines.withLock { $0.popFirst() } },
            environment: databaseURL.map { ["DATABASE_URL": $0] } ?? [:],
            showsProgress: false
        )
        let code = await ToedelingAdmin.execute(arguments: arguments, in: context)
        return AdminRun(code: code, output: output.data, errors: String(decoding: errors.data, as: UTF8.self))
    }

    /// Collected bytes.
    final class Captured: Sendable {
        private let bytes = Mutex(Data())
        func append(_ data: Data) { bytes.withLock { $0.append(data) } }
        var data: Data { bytes.withLock { $0 } }
    }
}
