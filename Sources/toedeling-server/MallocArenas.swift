#if canImport(Glibc)
import Glibc

/// glibc gives every thread that meets contention an allocator arena of its own, up to eight per
/// core, and keeps what was freed in each: after a few large answers (a report over thousands of
/// dossiers) the server's resident memory stayed several times what it uses. Two arenas keep it
/// near what is in use, at no measurable cost in throughput here (see BENCHMARKS.md). The operator's
/// own `MALLOC_ARENA_MAX` wins. `mallopt` is looked up at run time: Swift's Glibc module does not
/// declare it.
enum MallocArenas {
    /// glibc's `M_ARENA_MAX` parameter of `mallopt`.
    private static let arenaMaximumParameter: Int32 = -8

    static func limit(to count: Int32, environment: [String: String]) {
        guard environment["MALLOC_ARENA_MAX"] == nil, let symbol = dlsym(nil, "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaximumParameter, count)
    }
}
#else
enum MallocArenas {
    static func limit(to count: Int32, environment: [String: String]) {}
}
#endif
