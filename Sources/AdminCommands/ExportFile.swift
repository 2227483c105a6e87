#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An export's output file: written beside its final path under a temporary name and renamed into
/// place only when complete, so a failed export never leaves a file that looks whole.
final class ExportFile: @unchecked Sendable {
    private let path: String
    private let partialPath: String
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        partialPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: partialPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: partialPath)
        else { throw AdminError.unwritableFile(path) }
        self.handle = handle
    }

    func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw AdminError.unwritableFile(path)
        }
    }

    /// Flushes, closes and moves the file into place.
    func complete() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw AdminError.unwritableFile(path)
        }
        guard rename(partialPath, path) == 0 else { throw AdminError.unwritableFile(path) }
    }

    /// Removes the partial file.
    func discard() {
        try? handle.close()
        unlink(partialPath)
    }
}
