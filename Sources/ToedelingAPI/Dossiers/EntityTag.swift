import Foundation
import Hummingbird
import Taaktoedeling

/// The dossier version as an entity tag: `ETag: "<versie>"`, `If-Match: "<versie>"`.
enum EntityTag {
    /// A version no dossier has: what a weak tag in `If-Match` asks for, since `If-Match` compares
    /// strongly and a weak tag never matches (RFC 9110 §13.1.1), so the command gets 412.
    static let unmatchable: Int64 = -1

    static func of(_ dossier: Dossier) -> String {
        of(version: dossier.versie)
    }

    static func of(version: Int64) -> String {
        "\"\(version)\""
    }

    /// Whether `If-None-Match` names `tag` (or is `*`): then the answer is 304 (weak comparison,
    /// RFC 9110 §13.1.2).
    static func noneMatch(_ request: Request, _ tag: String) -> Bool {
        guard let header = request.headers[.ifNoneMatch] else { return false }
        return header.split(separator: ",").contains { candidate in
            var value = Substring(candidate.trimmingCharacters(in: .whitespaces))
            if value == "*" { return true }
            if value.hasPrefix("W/") { value = value.dropFirst(2) }
            return value == tag
        }
    }

    /// 304 Not Modified with the tag.
    static func notModified(_ tag: String) -> Response {
        Response(status: .notModified, headers: [.eTag: tag])
    }

    /// The version named by `If-Match`, nil when absent or `*`; anything else unreadable is a 400.
    static func expectedVersion(in request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch] else { return nil }
        var value = Substring(header.trimmingCharacters(in: .whitespaces))
        if value == "*" { return nil }
        let weak = value.hasPrefix("W/")
        if weak { value = value.dropFirst(2) }
        // A bare number is taken as the tag it names (lenient: clients forget the quotes).
        let quoted = value.count >= 3 && value.hasPrefix("\"") && value.hasSuffix("\"")
        let digits = quoted ? value.dropFirst().dropLast() : value
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let version = Int64(digits)
        else {
            throw Problem.invalidInput([InvalidParam(name: "If-Match", reason: "moet één versie zijn, zoals \"3\"")])
        }
        return weak ? unmatchable : version
    }
}
