import Foundation
import Mustache

/// The web application's files, read once at start: the page templates (`Templates/*.mustache`,
/// escaping by default, registered by file name) and the style sheet (`toedeling.css`). They are
/// this package's resources (`Sources/ToedelingWeb/Resources`), found beside the executable
/// (`toedeling_ToedelingWeb.resources/Resources`, where SwiftPM puts them), in the installed
/// layout `<bin>/../share/toedeling/web`, or in the folder `TOEDELING_WEB_DIR` names.
public struct WebResources: Sendable {
    /// The templates, by name (`layout`, `dossier`, …).
    let templates: MustacheLibrary
    /// The style sheet.
    let styleSheet: StyleSheet

    /// Why the files cannot be used; the description says what to do.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The names of the templates the pages render; a folder without one of them is refused.
    static let templateNames = [
        "layout", "formulier", "foutsamenvatting", "fout", "inloggen", "code", "activeren", "activeren-provider", "activatie-ongeldig",
        "account", "tweestap-instellen", "toegankelijkheid", "dossiers", "dossier-nieuw", "dossier", "tijdlijn", "consultaties",
        "ontvangstbewijs", "stand-van-zaken", "evaluatie", "paginering", "vernietigingslijsten", "vernietigingslijst",
    ]

    /// The folder the files are in when none is configured: beside the executable, else installed.
    public static func defaultDirectory() -> String? {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let map = executable.deletingLastPathComponent()
        let kandidaten = [
            map.appendingPathComponent("toedeling_ToedelingWeb.resources/Resources").path,
            map.deletingLastPathComponent().appendingPathComponent("share/toedeling/web").path,
        ]
        return kandidaten.first { FileManager.default.fileExists(atPath: $0 + "/toedeling.css") }
    }

    /// Reads the templates and the style sheet from `map` (else `defaultDirectory()`); every template
    /// must be there and parse.
    public static func load(directory gegeven: String? = nil) async throws -> WebResources {
        guard let map = gegeven ?? defaultDirectory() else {
            throw LoadError(description: "the web application's files (templates, style sheet) were not found beside the executable or in <bin>/../share/toedeling/web; set TOEDELING_WEB_DIR")
        }
        guard let css = FileManager.default.contents(atPath: map + "/toedeling.css") else {
            throw LoadError(description: "\(map)/toedeling.css cannot be read")
        }
        let templates: MustacheLibrary
        do {
            templates = try await MustacheLibrary(directory: map + "/Templates")
        } catch {
            throw LoadError(description: "\(map)/Templates: a template does not parse (\(error))")
        }
        let ontbrekend = templateNames.filter { templates.getTemplate(named: $0) == nil }
        guard ontbrekend.isEmpty else {
            throw LoadError(description: "\(map)/Templates lacks \(ontbrekend.map { $0 + ".mustache" }.joined(separator: ", "))")
        }
        return WebResources(templates: templates, styleSheet: StyleSheet(bytes: css))
    }
}
