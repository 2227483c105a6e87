import ArgumentParser

/// Benchmarks of the Toedeling infrastructure; numbers, not assertions.
@main
struct ToedelingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toedeling-bench",
        abstract: "Measures the event store against plain PostgreSQL inserts.",
        subcommands: [AppendBenchmark.self]
    )
}
