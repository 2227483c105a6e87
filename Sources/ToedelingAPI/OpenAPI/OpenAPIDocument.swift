import Foundation

/// The OpenAPI 3.1 document of the API: the data file `openapi.json` of this package, found beside
/// the executable (`toedeling_ToedelingAPI.resources/`, where SwiftPM puts it), in the installed
/// layout `<bin>/../share/toedeling/openapi.json`, or where `TOEDELING_OPENAPI_FILE` says.
public enum OpenAPIDocument {
    /// The document's bytes, read once; nil when no copy is found (the server refuses to start then).
    public static let bytes: Data? = locate().flatMap { try? Data(contentsOf: $0) }

    /// Where the document is.
    public static func locate() -> URL? {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["TOEDELING_OPENAPI_FILE"], !configured.isEmpty {
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
