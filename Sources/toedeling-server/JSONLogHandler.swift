import EventStore
import Foundation
import Logging
import Taaktoedeling
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
    private let label: [UInt8]
    private let write: @Sendable (_ line: [UInt8], _ level: Logger.Level) -> Void

    /// A handler for `label` writing each line (with its newline) through `write`; by default to
    /// stdout through `LogOutput.standardOutput`.
    public init(
        label: String, logLevel: Logger.Level = .info,
        write: @escaping @Sendable (_ line: [UInt8], _ level: Logger.Level) -> Void = { line, level in
            LogOutput.standardOutput.write(line, now: level >= .warning)
        }
    ) {
        var quoted: [UInt8] = []
        Self.appendString(label, to: &quoted)
        self.label = quoted
        self.logLevel = logLevel
        self.write = write
    }

    /// Metadata of this logger by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one event as a JSON line: keys sorted, written by hand as bytes (a request line is
    /// written for every request at level info, so it must cost little next to the request).
    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(320)
        line.append(contentsOf: #"{"label":"#.utf8)
        line.append(contentsOf: label)
        line.append(contentsOf: #","level":"#.utf8)
        Self.appendString(event.level.rawValue, to: &line)
        line.append(contentsOf: #","message":"#.utf8)
        Self.appendString(event.message.description, to: &line)
        let provided = metadataProvider?.get() ?? [:]
        if !metadata.isEmpty || !provided.isEmpty || !(event.metadata?.isEmpty ?? true) {
            var merged = metadata
            if !provided.isEmpty { merged.merge(provided) { _, new in new } }
            if let own = event.metadata {
                if merged.isEmpty { merged = own } else { merged.merge(own) { _, new in new } }
            }
            line.append(contentsOf: #","metadata":"#.utf8)
            Self.append(.dictionary(merged), to: &line)
        }
        line.append(contentsOf: #","source":"#.utf8)
        Self.appendString(event.source, to: &line)
        line.append(contentsOf: #","timestamp":""#.utf8)
        Self.appendTimestamp(to: &line)
        line.append(contentsOf: "\"}\n".utf8)
        write(line, event.level)
    }

    private static func append(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &line)
        case .array(let values):
            line.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                append(element, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let values):
            line.append(UInt8(ascii: "{"))
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                appendString(key, to: &line)
                line.append(UInt8(ascii: ":"))
                append(values[key]!, to: &line)
            }
            line.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string with every invisible character escaped too (lines end up in other programs).
    static func appendString(_ text: String, to line: inout [UInt8]) {
        JSONLiteral.append(text, to: &line, escapingInvisible: true)
    }

    /// Now as `2026-12-01T09:30:00.123Z`: UTC, milliseconds.
    static func appendTimestamp(to line: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        appendTimestamp(seconds: now.tv_sec, milliseconds: Int(now.tv_nsec / 1_000_000), to: &line)
    }

    /// `seconds` since 1970 and `milliseconds` as `2026-12-01T09:30:00.123Z`.
    static func appendTimestamp(seconds: time_t, milliseconds: Int, to line: inout [UInt8]) {
        ISO8601UTC.append(seconds: Int(seconds), milliseconds: milliseconds, to: &line)
    }
}
