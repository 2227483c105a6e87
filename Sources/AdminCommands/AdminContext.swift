import Foundation

/// What a command runs with: where it writes, where it reads, the environment, and whether
/// progress is shown. The program uses `standard`; tests build their own to capture the output.
public struct AdminContext: Sendable {
    /// Results: tokens, tables, reports, exported lines.
    public var output: AdminOutput
    /// Progress and the one-line failure message.
    public var errors: AdminOutput
    /// Reads the next line of standard input without its newline; nil at the end.
    public var readInputLine: @Sendable () throws -> String?
    /// The environment variables (`DATABASE_URL`).
    public var environment: [String: String]
    /// Whether long work reports progress on `errors` (the program: when standard error is a terminal).
    public var showsProgress: Bool

    /// A context from its parts.
    public init(
        output: AdminOutput, errors: AdminOutput, readInputLine: @escaping @Sendable () throws -> String?,
        environment: [String: String], showsProgress: Bool
    ) {
        self.output = output
        self.errors = errors
        self.readInputLine = readInputLine
        self.environment = environment
        self.showsProgress = showsProgress
    }

    /// The process's standard streams and environment; progress only when standard error is a terminal.
    public static var standard: AdminContext {
        AdminContext(
            output: .standardOutput,
            errors: .standardError,
            readInputLine: {
                guard let reader = LineReader.standardInput else { throw AdminError.inputReadFailed }
                return try reader.nextLine()
            },
            environment: ProcessInfo.processInfo.environment,
            showsProgress: isatty(STDERR_FILENO) != 0
        )
    }
}
