import EventStore
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A `LogHandler` that writes one JSON object per line (`timestamp` in UTC, `level`, `label`, `source`,
/// `message` and the metadata under `metadata`), so that log collectors need no parsing rules.
public struct JSONLogHandler: LogHandler {
    /// The level below which nothing is written.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata, e.g. from task-locals.
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for `label` writing each line (with its newline) through `write`; by default to stdout.
    public init(label: String, logLevel: Logger.Level = .info, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.logLevel = logLevel
        self.write = write
    }

    /// Writes a line to stdout in one call, so concurrent lines do not interleave.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// Metadata of this logger by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one event as a JSON line: keys sorted, written by hand (a request line is written for
    /// every request at level info, so it must cost little next to the request).
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        var line = ""
        line.reserveCapacity(256)
        line += #"{"label":"#
        Self.appendString(label, to: &line)
        line += #","level":"#
        Self.appendString(event.level.rawValue, to: &line)
        line += #","message":"#
        Self.appendString(event.message.description, to: &line)
        if !merged.isEmpty {
            line += #","metadata":"#
            Self.append(.dictionary(merged), to: &line)
        }
        line += #","source":"#
        Self.appendString(event.source, to: &line)
        line += #","timestamp":""#
        line += Self.timestamp(Date())
        line += "\"}\n"
        write(line)
    }

    private static func append(_ value: Logger.Metadata.Value, to line: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &line)
        case .array(let values):
            line += "["
            for (index, element) in values.enumerated() {
                if index > 0 { line += "," }
                append(element, to: &line)
            }
            line += "]"
        case .dictionary(let values):
            line += "{"
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { line += "," }
                appendString(key, to: &line)
                line += ":"
                append(values[key]!, to: &line)
            }
            line += "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7), also DEL,
    /// the C1 controls and U+2028/2029.
    static func appendString(_ text: String, to line: inout String) {
        JSONLiteral.append(text, to: &line, escapingInvisible: true)
    }

    /// `2026-12-01T09:30:00.123Z`: UTC, milliseconds.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let milliseconds = min(999, Int(((interval - Double(seconds)) * 1000).rounded(.down)))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(millis)Z"
    }
}
