import Foundation
import Taaktoedeling

/// Where a command writes: standard output or error in the program, a buffer in tests.
public struct AdminOutput: Sendable {
    private let sink: @Sendable (Data) throws -> Void

    /// An output that hands every write to `sink`.
    public init(_ sink: @escaping @Sendable (Data) throws -> Void) {
        self.sink = sink
    }

    /// The process's standard output.
    public static let standardOutput = AdminOutput { try FileHandle.standardOutput.write(contentsOf: $0) }

    /// The process's standard error.
    public static let standardError = AdminOutput { try FileHandle.standardError.write(contentsOf: $0) }

    /// Writes bytes unchanged.
    public func write(_ data: Data) throws {
        try sink(data)
    }

    /// Writes text as UTF-8 (no newline is added), every control character but tab and newline
    /// shown escaped: text from clients never reaches an operator's terminal as escape sequences.
    public func write(_ text: String) throws {
        try sink(Data(Tekstregels.onschadelijk(text).utf8))
    }

    /// Writes a report: text that keeps its CRLF line ends, every other control character escaped.
    public func write(report: Data) throws {
        try sink(Data(Tekstregels.onschadelijk(String(decoding: report, as: UTF8.self), regelterugloop: true).utf8))
    }

    /// Writes a line: the text (escaped as by `write(_:)`) and a newline.
    public func line(_ text: String = "") throws {
        try sink(Data((Tekstregels.onschadelijk(text) + "\n").utf8))
    }
}
