import Foundation
import Hummingbird
import Taaktoedeling

/// The dossier version as an entity tag: `ETag: "<versie>"`, `If-Match: "<versie>"`.
enum EntityTag {
    static func of(_ dossier: Dossier) -> String {
        "\"\(dossier.versie)\""
    }

    /// The version named by `If-Match`, nil when absent or `*`; anything else unreadable is a 400.
    static func expectedVersion(in request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch] else { return nil }
        let value = header.trimmingCharacters(in: .whitespaces)
        if value == "*" { return nil }
        guard value.count >= 3, value.hasPrefix("\""), value.hasSuffix("\""),
            let version = Int64(value.dropFirst().dropLast()), version >= 0
        else {
            throw Problem.invalidInput([InvalidParam(name: "If-Match", reason: "moet één versie zijn, zoals \"3\"")])
        }
        return version
    }
}
