#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a C stream line by line, however long a line is (`getline`). One reader belongs to one
/// task at a time.
final class LineReader: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    private let closesFile: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// Standard input; nil when the process has none open.
    static let standardInput: LineReader? = fdopen(STDIN_FILENO, "r").map { LineReader(file: $0, closesFile: false) }

    private init(file: UnsafeMutablePointer<FILE>, closesFile: Bool) {
        self.file = file
        self.closesFile = closesFile
    }

    /// Opens a file for reading; throws `AdminError.unreadableFile` when it cannot be opened.
    static func open(path: String) throws -> LineReader {
        guard let file = fopen(path, "r") else { throw AdminError.unreadableFile(path) }
        return LineReader(file: file, closesFile: true)
    }

    deinit {
        free(buffer)
        if closesFile { fclose(file) }
    }

    /// The next line without its line end, nil at the end of the stream.
    func nextLine() throws -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else {
            if ferror(file) != 0 { throw AdminError.inputReadFailed }
            return nil
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.last, last.isNewline { text.removeLast() }
        return text
    }
}
