import ArgumentParser

/// A subcommand that does its work through an `AdminContext`, so tests can run it in-process and
/// read what it wrote.
protocol AdminCommand: AsyncParsableCommand {
    /// Does the work, writing results to `context.output`.
    func execute(in context: AdminContext) async throws
}

extension AdminCommand {
    /// Runs with the process's standard streams (`ToedelingAdmin.execute(arguments:in:)` is the entry point).
    func run() async throws {
        try await execute(in: .standard)
    }
}
