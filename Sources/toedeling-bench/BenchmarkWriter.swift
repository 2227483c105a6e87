/// One benchmark writer: writes single events to its own stream, one at a time.
protocol BenchmarkWriter: Sendable {
    /// Writes the stream's event with this version (1, 2, 3, …).
    func writeOne(version: Int64) async throws
}
