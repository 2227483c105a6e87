import Foundation

/// Writes a package as a tree of files under a folder (`toedeling-admin archief pakket --naar`).
/// Refuses to write into a folder that is not empty, so nothing of an earlier package mixes in.
public final class DirectoryTarget: PackageTarget {
    private let basis: URL
    private var huidig: FileHandle?

    /// A writer into `map` (created when absent; it must be empty).
    public init(map: String) throws {
        basis = URL(fileURLWithPath: map, isDirectory: true)
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: basis, withIntermediateDirectories: true)
        guard try fileManager.contentsOfDirectory(atPath: basis.path).isEmpty else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: map])
        }
    }

    public func begin(_ pad: String) async throws {
        let url = basis.appendingPathComponent(pad)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        huidig = handle
    }

    public func schrijf(_ bytes: [UInt8]) async throws {
        try huidig?.write(contentsOf: bytes)
    }

    public func eind() async throws {
        try huidig?.close()
        huidig = nil
    }

    public func sluit() async throws {}
}
