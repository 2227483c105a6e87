import Foundation

extension SchemaMigrator {
    /// Finds the schema directory: `configured` (the server reads `TOEDELING_SCHEMA_DIR` with its
    /// other settings; other callers default to the environment's), else
    /// `<executable dir>/../share/toedeling/schema` (installed layout), else `./schema`, else a
    /// `schema/` beside a `Package.swift` found by walking up from the executable (so tests and
    /// `swift run` find the package's own). Nil when none exists.
    public static func locateSchemaDirectory(
        configured: String? = ProcessInfo.processInfo.environment["TOEDELING_SCHEMA_DIR"]
    ) -> URL? {
        let fileManager = FileManager.default
        if let configured, !configured.isEmpty {
            var isDirectory: ObjCBool = false
            let url = URL(fileURLWithPath: configured)
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
        }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let executableDirectory = executable.deletingLastPathComponent()
        let installed = executableDirectory.deletingLastPathComponent().appendingPathComponent("share/toedeling/schema")
        if holdsMigrations(installed) { return installed }
        let working = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("schema")
        if holdsMigrations(working) { return working }
        var ancestor = executableDirectory
        while ancestor.path != "/" {
            let candidate = ancestor.appendingPathComponent("schema")
            if fileManager.fileExists(atPath: ancestor.appendingPathComponent("Package.swift").path), holdsMigrations(candidate) {
                return candidate
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return nil
    }

    private static func holdsMigrations(_ directory: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.contains(where: SchemaMigration.isMigrationFileName)
    }
}
