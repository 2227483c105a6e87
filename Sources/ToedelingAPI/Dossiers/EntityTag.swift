import Foundation
import Hummingbird
import Taaktoedeling

/// The dossier version as an entity tag: `ETag: "<versie>"`, `If-Match: "<versie>"`.
enum EntityTag {
    /// A version no dossier has: what a weak tag in `If-Match` asks for, since `If-Match` compares
    /// strongly and a weak tag never matches (RFC 9110 §13.1.1), so the command gets 412.
    static let unmatchable: Int64 = -1

    static func of(_ dossier: Dossier) -> String {
        "\"\(dossier.versie)\""
    }

    /// The version named by `If-Match`, nil when absent or `*`; anything else unreadable is a 400.
    static func expectedVersion(in request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch] else { return nil }
        var value = Substring(header.trimmingCharacters(in: .whitespaces))
        if value == "*" { return nil }
        let weak = value.hasPrefix("W/")
        if weak { value = value.dropFirst(2) }
        guard value.count >= 3, value.hasPrefix("\""), value.hasSuffix("\""),
            let version = Int64(value.dropFirst().dropLast()), version >= 0
        else {
            throw Problem.invalidInput([InvalidParam(name: "If-Match", reason: "moet één versie zijn, zoals \"3\"")])
        }
        return weak ? unmatchable : version
    }
}
