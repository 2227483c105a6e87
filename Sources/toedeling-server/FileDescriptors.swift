#if canImport(Glibc)
import Glibc

/// Every HTTP connection, database connection and stored file takes a file descriptor; the usual
/// soft limit of 1,024 would refuse connections long before `TOEDELING_HTTP_MAX_CONNECTIONS`. The
/// soft limit is raised towards the hard limit (never beyond it, never lowered).
enum FileDescriptors {
    static func raiseLimit(toAtLeast wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let target = min(rlim_t(max(wanted, 0)), limit.rlim_max)
        guard limit.rlim_cur < target else { return }
        limit.rlim_cur = target
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
#else
enum FileDescriptors {
    static func raiseLimit(toAtLeast wanted: Int) {}
}
#endif
