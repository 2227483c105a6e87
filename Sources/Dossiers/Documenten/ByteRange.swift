import Foundation
import Taaktoedeling

/// One `Range: bytes=…` request (RFC 9110 §14.2) against a representation of `size` bytes.
public enum ByteRange: Equatable, Sendable {
    /// No usable range (absent, malformed, another unit or several ranges): the whole representation.
    case whole
    /// One satisfiable range.
    case part(Range<Int64>)
    /// A range that starts beyond the end (416).
    case unsatisfiable

    /// The range `header` asks of a representation of `size` bytes.
    public static func parse(_ header: String, size: Int64) -> ByteRange {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        func number(_ text: String) -> Int64? {
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int64(text)
        }
        if first.isEmpty {
            guard let suffix = number(last) else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - suffix)..<size)
        }
        guard let start = number(first) else { return .whole }
        let end: Int64
        if last.isEmpty {
            end = size - 1
        } else {
            guard let given = number(last), given >= start else { return .whole }
            end = min(given, size - 1)
        }
        guard start < size else { return .unsatisfiable }
        return .part(start..<(end + 1))
    }
}

/// A `Content-Disposition: attachment` value for any file name (RFC 6266, RFC 8187): an ASCII
/// fallback in `filename` (anything else replaced by `_`) and the exact name in `filename*`.
public enum ContentDisposition {
    /// The header value for `fileName`.
    public static func attachment(fileName: String) -> String {
        let fallback = String(fileName.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "\\" && scalar != "%"
                ? Character(scalar) : "_"
        })
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        let encoded = fileName.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}

/// The headers a document's bytes are answered with, the API's and the pages' alike.
public enum DocumentHeaders {
    /// `"sha256-<hex>"`.
    public static func entityTag(_ document: Document) -> String {
        "\"sha256-\(document.sha256)\""
    }

    /// Content type, disposition, digest, ranges and the sandbox for active content.
    public static func fields(_ document: Document) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("ETag", entityTag(document)),
            ("Accept-Ranges", "bytes"),
            ("Content-Type", document.mediatype),
            ("Content-Disposition", ContentDisposition.attachment(fileName: document.bestandsnaam)),
            ("Content-Security-Policy", "sandbox"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if let digest = DocumentStorage.bytes(hex: document.sha256) {
            fields.append(("Repr-Digest", "sha-256=:\(digest.base64EncodedString()):"))
        }
        return fields
    }
}
