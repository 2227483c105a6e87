import ArgumentParser
import EventStore
import Foundation
import Logging
import Postgres

/// Single-event appends by 1, 4 and 16 concurrent writers: the event store against a plain
/// one-INSERT-per-transaction loop on a table of the same shape, over the same pool, alternating.
struct AppendBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Single-event appends: event store vs plain INSERT, events per second."
    )

    @Option(help: "libpq connection string or URI of a throwaway database (its tables are created).")
    var databaseURL: String = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""

    @Option(help: "Concurrent writer counts, comma-separated.")
    var writers: String = "1,4,16"

    @Option(help: "Measured seconds per case and kind, split over the alternating rounds.")
    var seconds: Double = 5

    @Option(help: "Rounds per writer count; each round runs the store, then the plain inserts.")
    var rounds: Int = 2

    func validate() throws {
        guard !databaseURL.isEmpty else { throw ValidationError("give --database-url or set DATABASE_URL") }
        guard writerCounts.allSatisfy({ $0 > 0 }), !writerCounts.isEmpty else { throw ValidationError("--writers needs positive counts") }
        guard seconds > 0, rounds > 0 else { throw ValidationError("--seconds and --rounds must be positive") }
    }

    private var writerCounts: [Int] { writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() async throws {
        var logger = Logger(label: "toedeling-bench")
        logger.logLevel = .warning
        let pool = PostgresConnectionPool(connectionString: databaseURL, maximumConnections: (writerCounts.max() ?? 1) + 2, logger: logger)
        guard let schema = SchemaMigrator.locateSchemaDirectory() else { throw ValidationError("schema directory not found; set TOEDELING_SCHEMA_DIR") }
        try await SchemaMigrator(directory: schema, logger: logger).migrate(pool: pool)
        try await pool.withConnection { try $0.executeScript(PlainInsertWriter.createTable) }
        let store = EventStore(pool: pool, logger: logger)
        let settings = try await pool.withConnection { connection -> String in
            let row = try connection.query("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit")[0]
            return "fsync \(try row.string("fsync")), synchronous_commit \(try row.string("synchronous_commit"))"
        }
        print("PostgreSQL \(settings); \(ProcessInfo.processInfo.activeProcessorCount) cores; \(seconds) s per case and kind in \(rounds) alternating rounds")
        print("")
        print("| writers | event store (events/s) | plain INSERT (rows/s) | store / plain |")
        print("|--------:|-----------------------:|----------------------:|--------------:|")
        let slice = seconds / Double(rounds)
        var roundNumber = 0
        for count in writerCounts {
            _ = try await measure(writers: count, seconds: min(0.5, slice)) { writer in StoreWriter(store: store, stream: "warmup-\(count)-\(writer)") }
            _ = try await measure(writers: count, seconds: min(0.5, slice)) { writer in PlainInsertWriter(pool: pool, stream: "warmup-\(count)-\(writer)") }
            var storeTotals = (events: 0, seconds: 0.0)
            var plainTotals = (events: 0, seconds: 0.0)
            for _ in 0..<rounds {
                roundNumber += 1
                let run = roundNumber
                let storeResult = try await measure(writers: count, seconds: slice) { writer in StoreWriter(store: store, stream: "s-\(run)-\(writer)") }
                storeTotals = (storeTotals.events + storeResult.events, storeTotals.seconds + storeResult.seconds)
                let plainResult = try await measure(writers: count, seconds: slice) { writer in PlainInsertWriter(pool: pool, stream: "p-\(run)-\(writer)") }
                plainTotals = (plainTotals.events + plainResult.events, plainTotals.seconds + plainResult.seconds)
            }
            let storeRate = Double(storeTotals.events) / storeTotals.seconds
            let plainRate = Double(plainTotals.events) / plainTotals.seconds
            print("| \(count) | \(Int(storeRate.rounded())) | \(Int(plainRate.rounded())) | \(String(format: "%.0f %%", storeRate / plainRate * 100)) |")
        }
        await pool.close()
    }

    /// Runs `writers` concurrent loops for `seconds` and returns the events written and the time taken.
    private func measure(writers: Int, seconds: Double, makeWriter: @escaping @Sendable (Int) -> any BenchmarkWriter) async throws -> (events: Int, seconds: Double) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        let started = clock.now
        let events = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<writers {
                let writer = makeWriter(index)
                group.addTask {
                    var written = 0
                    while clock.now < deadline {
                        try await writer.writeOne(version: Int64(written + 1))
                        written += 1
                    }
                    return written
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = started.duration(to: clock.now)
        return (events, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
