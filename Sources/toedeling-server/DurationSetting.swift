import Foundation

/// Reads a duration setting such as `TOEDELING_LOCK_TIMEOUT`: a whole number with a unit (`ms`, `s`,
/// `m`, `h`, `d`), or a bare number of seconds.
enum DurationSetting {
    /// The duration in `value`, `fallback` when it is unset or empty; a `ConfigurationError` naming
    /// `variable` otherwise.
    static func parse(_ value: String?, variable: String, fallback: Duration) throws(ConfigurationError) -> Duration {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return fallback }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        let unit = value.dropFirst(digits.count)
        guard let number = Int64(digits), number <= 1_000_000_000 else {
            throw ConfigurationError(variable: variable, expected: "a duration such as 500ms, 5s, 10m, 24h or 3d")
        }
        switch unit {
        case "ms": return .milliseconds(number)
        case "", "s": return .seconds(number)
        case "m": return .seconds(number * 60)
        case "h": return .seconds(number * 3600)
        case "d": return .seconds(number * 86_400)
        default: throw ConfigurationError(variable: variable, expected: "a duration such as 500ms, 5s, 10m, 24h or 3d")
        }
    }

    /// Whole milliseconds of a duration.
    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
