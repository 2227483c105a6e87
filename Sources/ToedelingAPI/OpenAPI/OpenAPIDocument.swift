import Foundation

/// The OpenAPI 3.1 document of the API: the data file `openapi.json` of this package, found beside
/// the executable (`toedeling_ToedelingAPI.resources/`, where SwiftPM puts it), in the installed
/// layout `<bin>/../share/toedeling/openapi.json`, or in the file the server is configured with
/// (`TOEDELING_OPENAPI_FILE`).
public enum OpenAPIDocument {
    /// The shipped document's bytes, read once; nil when no copy is found.
    public static let shipped: Data? = read(file: nil)

    /// The document in `file`, else the shipped one; nil when it cannot be read (the server
    /// refuses to start then).
    public static func read(file: String?) -> Data? {
        locate(file: file).flatMap { try? Data(contentsOf: $0) }
    }

    /// Where the document is: `file` when given and present, else beside the executable or installed.
    public static func locate(file: String? = nil) -> URL? {
        let fileManager = FileManager.default
        if let configured = file, !configured.isEmpty {
            return fileManager.fileExists(atPath: configured) ? URL(fileURLWithPath: configured) : nil
        }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let directory = executable.deletingLastPathComponent()
        let candidates = [
            directory.appendingPathComponent("toedeling_ToedelingAPI.resources/openapi.json"),
            directory.deletingLastPathComponent().appendingPathComponent("share/toedeling/openapi.json"),
        ]
        return candidates.first { fileManager.fileExists(atPath: $0.path) }
    }
}
