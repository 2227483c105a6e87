import Foundation
import Taaktoedeling

/// Where the selectielijst comes from: the file `TOEDELING_SELECTIELIJST` names, else the one this
/// package ships (beside the executable in `toedeling_Dossiers.resources/`, or in the installed
/// layout `<bin>/../share/toedeling/selectielijst.json`).
public enum SelectielijstBestand {
    /// The shipped list, read once; nil when no copy is found.
    public static let meegeleverd: Selectielijst? = try? laad(environment: [:])

    /// Reads and checks the configured list; the error names the file and says what is wrong.
    public static func laad(environment: [String: String]) throws -> Selectielijst {
        let pad: String
        if let gegeven = environment["TOEDELING_SELECTIELIJST"], !gegeven.isEmpty {
            pad = gegeven
        } else {
            let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
            let map = executable.deletingLastPathComponent()
            let kandidaten = [
                map.appendingPathComponent("toedeling_Dossiers.resources/selectielijst.json").path,
                map.deletingLastPathComponent().appendingPathComponent("share/toedeling/selectielijst.json").path,
            ]
            guard let gevonden = kandidaten.first(where: FileManager.default.fileExists(atPath:)) else {
                throw Selectielijst.ParseError(description: "geen selectielijst gevonden (gezocht: \(kandidaten.joined(separator: ", "))); zet TOEDELING_SELECTIELIJST")
            }
            pad = gevonden
        }
        guard let data = FileManager.default.contents(atPath: pad) else {
            throw Selectielijst.ParseError(description: "\(pad): het bestand kan niet worden gelezen")
        }
        do {
            return try Selectielijst.lees(data)
        } catch {
            throw Selectielijst.ParseError(description: "\(pad): \(error.description)")
        }
    }
}
