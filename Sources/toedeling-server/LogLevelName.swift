import ToedelingAPI

/// A log level named in `TOEDELING_LOG_LEVEL`.
struct LogLevelName {
    let level: ToedelingServerRunner.LogLevel

    init?(_ name: String) {
        guard let level = ToedelingServerRunner.LogLevel(rawValue: name.lowercased()) else { return nil }
        self.level = level
    }
}
