import Crypto
import EventStore
import Foundation
import Taaktoedeling

/// Field-level encryption of stored events (RECORDS.md, "Destruction and erasure"): the texts of a
/// dossier under the dossier's key, and the names of people under that person's key, each as a JSON
/// string `"tdl:enc:1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>"` (AES-GCM, the key id as
/// associated data). The hash chain covers these strings, so destroying a key leaves every chain
/// verifiable; what can no longer be opened reads `[vernietigd]` (a dossier's) or `[verwijderd]` (a
/// person's).
///
/// The nonce is synthetic: the first 12 bytes of HMAC-SHA-256 under the key over the event id, the
/// field and the plaintext. The same event sealed again (a command retried under the same
/// `Idempotency-Key`) gives the same bytes, which the store recognises as already appended, and two
/// different plaintexts never share a nonce.
public enum FieldEncryption {
    /// The prefix of a sealed string.
    static let prefix = "tdl:enc:1:"
    private static let prefixBytes = Array(("\"" + prefix).utf8)

    /// What a text reads when its dossier's key was destroyed.
    public static let vernietigd = "[vernietigd]"
    /// What a name reads when its person's key was destroyed.
    public static let verwijderd = "[verwijderd]"

    /// The fields of an event's data sealed under the dossier's key: the texts of the voorstel,
    /// reacties, toelichtingen and motiveringen.
    static let dossierVelden: Set<String> = [
        "omschrijving", "wettelijkeGrondslag", "toelichting", "reden", "dekking", "motivering", "samenvatting", "vindplaats",
    ]
    /// Fields sealed under the dossier's key in one type of event only: a document's title and file
    /// name (a dossier's own titel stays readable, for its tombstone).
    static let dossierVeldenPerType: [String: Set<String>] = ["DocumentToegevoegd": ["titel", "bestandsnaam"]]
    /// The fields sealed under the key of the person who acted: their name in the data and metadata.
    static let persoonVelden: Set<String> = ["geregistreerdDoor", "toegevoegdDoor", "naam"]

    /// A key with its id (`dossier:<uuid>`, `gebruiker:<uuid>`, `token:<uuid>`).
    public struct Sleutel: Sendable {
        public let id: String
        public let key: SymmetricKey

        public init(id: String, key: SymmetricKey) {
            self.id = id
            self.key = key
        }
    }

    // MARK: Sealing

    /// `json` (an object) with every string field of `dossierVelden` sealed under `dossier` and every
    /// one of `persoonVelden` under `persoon`, at any depth. A field whose key is absent (destroyed)
    /// is written as the text it would read, so no plaintext is stored for it; without a key of that
    /// kind at all (nil) the field stays as it is.
    public static func verzegel(
        _ json: Data, eventID: UUID, dossier: Sleutel?, persoon: Sleutel?, vernietigd: Set<String> = [], extraDossierVelden: Set<String> = []
    ) throws -> Data {
        guard dossier != nil || persoon != nil || !vernietigd.isEmpty else { return json }
        // Most events hold none of these fields (a round opened, a Kamerstuk linked): no parse then.
        var velden: [String] = []
        if dossier != nil || vernietigd.contains("dossier") { velden += dossierVelden.union(extraDossierVelden) }
        if persoon != nil || vernietigd.contains("persoon") { velden += persoonVelden }
        let bevatVeld = json.withUnsafeBytes { raw in
            velden.contains { ByteSearch.firstIndex(of: Array("\"\($0)\"".utf8), in: raw, from: 0) != nil }
        }
        guard bevatVeld else { return json }
        var extra = extraDossierVelden
        extra.formUnion(dossierVelden)
        let alleDossierVelden = extra
        return try json.withUnsafeBytes { raw in
            var rewrite = SealingRewrite(json: raw) { field, text in
                // Sealed already (the same event sealed twice) stays; a text that only begins like
                // one is sealed as any other.
                guard !text.isEmpty, !isSealedText(text) else { return nil }
                if alleDossierVelden.contains(field) {
                    if let dossier { return seal(text, field: field, eventID: eventID, with: dossier) }
                    return vernietigd.contains("dossier") ? Self.vernietigd : nil
                }
                if persoonVelden.contains(field) {
                    if let persoon { return seal(text, field: field, eventID: eventID, with: persoon) }
                    return vernietigd.contains("persoon") ? Self.verwijderd : nil
                }
                return nil
            }
            guard let rewritten = try rewrite.run() else { return json }
            return rewritten
        }
    }

    /// One pass over an event's JSON bytes that replaces the string values of the sealed fields (at
    /// any depth; a list's strings count as its field's) and copies every other byte as it is, so a
    /// command does not parse its event and metadata into Foundation objects and write them again.
    /// The input is the encoders' output (sorted keys, no escaped slashes), so the bytes are those a
    /// full re-serialisation with sorted keys would give.
    struct SealingRewrite {
        let json: UnsafeRawBufferPointer
        /// The replacement text of a string value of `field`, or nil to keep it.
        let replacement: (_ field: String, _ text: String) -> String?
        private var index = 0
        private var copied = 0
        private var output: [UInt8] = []
        private var changed = false

        init(json: UnsafeRawBufferPointer, replacement: @escaping (_ field: String, _ text: String) -> String?) {
            self.json = json
            self.replacement = replacement
        }

        /// The rewritten bytes, or nil when no value changed.
        mutating func run() throws -> Data? {
            skipWhitespace()
            try value(field: nil, depth: 0)
            skipWhitespace()
            guard index == json.count else { throw malformed }
            guard changed else { return nil }
            output.append(contentsOf: json[copied..<json.count])
            return Data(output)
        }

        /// JSON this pass cannot read (not what the encoders write).
        struct Unreadable: Error {
            let offset: Int
        }

        private var malformed: Unreadable { Unreadable(offset: index) }

        private mutating func skipWhitespace() {
            while index < json.count, json[index] == 0x20 || json[index] == 0x0A || json[index] == 0x0D || json[index] == 0x09 { index += 1 }
        }

        private mutating func expect(_ byte: UInt8) throws {
            skipWhitespace()
            guard index < json.count, json[index] == byte else { throw malformed }
            index += 1
        }

        private mutating func value(field: String?, depth: Int) throws {
            guard index < json.count, depth < 512 else { throw malformed }
            switch json[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < json.count, json[index] == UInt8(ascii: "}") { index += 1; return }
                while true {
                    skipWhitespace()
                    guard index < json.count, json[index] == UInt8(ascii: "\"") else { throw malformed }
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    skipWhitespace()
                    try value(field: key, depth: depth + 1)
                    skipWhitespace()
                    guard index < json.count else { throw malformed }
                    if json[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < json.count, json[index] == UInt8(ascii: "]") { index += 1; return }
                while true {
                    skipWhitespace()
                    try value(field: field, depth: depth + 1)
                    skipWhitespace()
                    guard index < json.count else { throw malformed }
                    if json[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "\""):
                let begin = index
                let text = try string()
                guard let field, let replaced = replacement(field, text) else { return }
                output.append(contentsOf: json[copied..<begin])
                JSONLiteral.append(replaced, to: &output)
                copied = index
                changed = true
            default:
                // A number, true, false or null: up to the next delimiter.
                let begin = index
                while index < json.count {
                    let byte = json[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20
                        || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
                    index += 1
                }
                guard index > begin else { throw malformed }
            }
        }

        /// The string literal at `index` (on its opening quote), unescaped; `index` ends past it.
        private mutating func string() throws -> String {
            index += 1
            let begin = index
            var escaped = false
            while index < json.count {
                let byte = json[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") { escaped = true; index += 2; continue }
                index += 1
            }
            guard index < json.count else { throw malformed }
            let body = UnsafeRawBufferPointer(rebasing: json[begin..<index])
            index += 1
            guard escaped else { return String(decoding: body, as: UTF8.self) }
            guard let text = JSONStringEscapes.unescaped(body) else { throw Unreadable(offset: begin) }
            return text
        }
    }

    /// One sealed string.
    static func seal(_ text: String, field: String, eventID: UUID, with sleutel: Sleutel) -> String {
        let plaintext = Data(text.utf8)
        var material = Data(eventID.lowercasedString.utf8)
        material.append(0)
        material.append(contentsOf: field.utf8)
        material.append(0)
        material.append(plaintext)
        let mac = HMAC<SHA256>.authenticationCode(for: material, using: sleutel.key)
        let nonce = try! AES.GCM.Nonce(data: Data(mac).prefix(12))  // 12 bytes: always a valid nonce
        let box = try! AES.GCM.seal(plaintext, using: sleutel.key, nonce: nonce, authenticating: Data(sleutel.id.utf8))
        return prefix + sleutel.id + ":" + box.combined!.base64URLEncodedString()
    }

    // MARK: Opening

    /// The ids of the keys the sealed strings in `json` were sealed with.
    public static func sleutelIDs(in json: Data) -> Set<String> {
        var ids: Set<String> = []
        json.withUnsafeBytes { raw in
            // Most fields of an event are sealed under the same one or two keys: a String for an id
            // only when it differs from the one before.
            var last: UnsafeRawBufferPointer?
            forEachSealed(in: raw) { _, inner in
                guard let parts = parse(inner) else { return }
                let id = UnsafeRawBufferPointer(rebasing: inner[parts.id])
                if let last, last.elementsEqual(id) { return }
                last = id
                ids.insert(String(decoding: id, as: UTF8.self))
            }
        }
        return ids
    }

    /// True when `json` holds a sealed string (a quick scan; most stored events hold none).
    public static func isSealed(_ json: Data) -> Bool {
        json.withUnsafeBytes { raw in ByteSearch.firstIndex(of: prefixBytes, in: raw, from: 0) != nil }
    }

    /// `json` with every sealed string replaced by its plaintext, or by `[vernietigd]` /
    /// `[verwijderd]` when its key is not among `sleutels` (destroyed) or does not open it. Every
    /// other byte is kept as it was, also a text that only begins like a sealed string (a titel
    /// typed that way).
    public static func open(_ json: Data, sleutels: [String: SymmetricKey]) -> Data {
        guard isSealed(json) else { return json }
        return json.withUnsafeBytes { raw in
            var result: [UInt8] = []
            result.reserveCapacity(raw.count)
            var copied = 0
            forEachSealed(in: raw) { range, inner in
                guard let text = plaintext(of: inner, sleutels: sleutels) else { return }
                result.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[copied..<range.lowerBound]))
                JSONLiteral.append(text, to: &result)
                copied = range.upperBound
            }
            result.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[copied...]))
            return Data(result)
        }
    }

    /// The plaintext of one sealed string's inside (without quotes), or the text it reads without its
    /// key; nil when it is not a sealed string at all.
    static func plaintext(of inner: UnsafeRawBufferPointer, sleutels: [String: SymmetricKey]) -> String? {
        guard let parts = parse(inner) else { return nil }
        let idBytes = UnsafeRawBufferPointer(rebasing: inner[parts.id])
        let uitgewist = idBytes.starts(with: "dossier:".utf8) ? vernietigd : verwijderd
        guard let key = sleutels[String(decoding: idBytes, as: UTF8.self)],
            let combined = Data.base64URLDecodedBytes(UnsafeRawBufferPointer(rebasing: inner[parts.blob])),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let opened = try? AES.GCM.open(box, using: key, authenticating: idBytes),
            let text = String(validating: opened, as: UTF8.self)
        else { return uitgewist }
        return text
    }

    /// True when `text` is a sealed string (see `parse`).
    static func isSealedText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) != nil }
    }

    /// The key id (`dossier:`, `gebruiker:` or `token:` and an id) and the base64url blob of a sealed
    /// string's inside, as ranges of its bytes; nil unless it is one: the prefix, the key id, a colon
    /// and base64url.
    private static func parse(_ inner: UnsafeRawBufferPointer) -> (id: Range<Int>, blob: Range<Int>)? {
        let start = prefix.utf8.count
        guard inner.count > start, inner.starts(with: prefix.utf8) else { return nil }
        let rest = UnsafeRawBufferPointer(rebasing: inner[start...])
        guard let kind = sleutelSoorten.first(where: { rest.starts(with: $0) }) else { return nil }
        // The id is 36 characters, then a colon.
        let idEnd = start + kind.count + 36
        guard idEnd < inner.count, inner[idEnd] == UInt8(ascii: ":"),
            UUID(utf8: UnsafeRawBufferPointer(rebasing: inner[(start + kind.count)..<idEnd])) != nil
        else { return nil }
        let blob = (idEnd + 1)..<inner.count
        guard !blob.isEmpty, inner[blob].allSatisfy({ byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }) else { return nil }
        return (start..<idEnd, blob)
    }

    /// The kinds of key id, as bytes.
    private static let sleutelSoorten: [[UInt8]] = ["dossier:", "gebruiker:", "token:"].map { Array($0.utf8) }

    /// Calls `body` with the byte range of every sealed JSON string (quotes included) and its inside.
    private static func forEachSealed(in json: UnsafeRawBufferPointer, _ body: (Range<Int>, UnsafeRawBufferPointer) -> Void) {
        var index = 0
        while index + prefixBytes.count <= json.count {
            guard let begin = ByteSearch.firstIndex(of: prefixBytes, in: json, from: index) else { return }
            // Sealed strings hold only [A-Za-z0-9:_-]: the next quote closes it.
            var end = begin + 1
            while end < json.count, json[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < json.count else { return }
            body(begin..<(end + 1), UnsafeRawBufferPointer(rebasing: json[(begin + 1)..<end]))
            index = end + 1
        }
    }
}
