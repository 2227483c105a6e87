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
        let object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        var changed = false
        func walk(_ value: Any, field: String?) -> Any {
            if let dictionary = value as? [String: Any] {
                var copy = dictionary
                for (key, inner) in dictionary { copy[key] = walk(inner, field: key) }
                return copy
            }
            if let array = value as? [Any] { return array.map { walk($0, field: field) } }
            guard let text = value as? String, !text.isEmpty, let field, !text.hasPrefix(prefix) else { return value }
            let sleutel: Sleutel?
            let uitgewist: String
            if dossierVelden.contains(field) || extraDossierVelden.contains(field) {
                sleutel = dossier
                uitgewist = Self.vernietigd
                if sleutel == nil, vernietigd.contains("dossier") { changed = true; return uitgewist }
            } else if persoonVelden.contains(field) {
                sleutel = persoon
                uitgewist = Self.verwijderd
                if sleutel == nil, vernietigd.contains("persoon") { changed = true; return uitgewist }
            } else {
                return value
            }
            guard let sleutel else { return value }
            changed = true
            return seal(text, field: field, eventID: eventID, with: sleutel)
        }
        let sealed = walk(object, field: nil)
        guard changed else { return json }
        return try JSONSerialization.data(withJSONObject: sealed, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    }

    /// One sealed string.
    static func seal(_ text: String, field: String, eventID: UUID, with sleutel: Sleutel) -> String {
        let plaintext = Data(text.utf8)
        var material = Data(eventID.uuidString.lowercased().utf8)
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
        forEachSealed(in: json) { _, inner in
            if let (id, _) = parse(inner) { ids.insert(id) }
        }
        return ids
    }

    /// True when `json` holds a sealed string (a quick scan; most stored events hold none).
    public static func isSealed(_ json: Data) -> Bool {
        json.withUnsafeBytes { raw in ByteSearch.firstIndex(of: prefixBytes, in: raw, from: 0) != nil }
    }

    /// `json` with every sealed string replaced by its plaintext, or by `[vernietigd]` /
    /// `[verwijderd]` when its key is not among `sleutels` (destroyed) or does not open it. Every
    /// other byte is kept as it was.
    public static func open(_ json: Data, sleutels: [String: SymmetricKey]) -> Data {
        guard isSealed(json) else { return json }
        var result = Data()
        result.reserveCapacity(json.count)
        var copied = json.startIndex
        forEachSealed(in: json) { range, inner in
            result.append(json[copied..<range.lowerBound])
            result.append(contentsOf: JSONLiteral.string(plaintext(of: inner, sleutels: sleutels)).utf8)
            copied = range.upperBound
        }
        result.append(json[copied..<json.endIndex])
        return result
    }

    /// The plaintext of one sealed string's inside (without quotes), or the text it reads without it.
    static func plaintext(of inner: Substring, sleutels: [String: SymmetricKey]) -> String {
        guard let (id, blob) = parse(inner) else { return vernietigd }
        let uitgewist = id.hasPrefix("dossier:") ? vernietigd : verwijderd
        guard let key = sleutels[id], let combined = Data(base64URLEncoded: String(blob)),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let opened = try? AES.GCM.open(box, using: key, authenticating: Data(id.utf8)),
            let text = String(data: opened, encoding: .utf8)
        else { return uitgewist }
        return text
    }

    /// The key id and the base64url blob of a sealed string's inside.
    private static func parse(_ inner: Substring) -> (String, Substring)? {
        guard inner.hasPrefix(prefix), let colon = inner.lastIndex(of: ":") else { return nil }
        let id = inner[inner.index(inner.startIndex, offsetBy: prefix.count)..<colon]
        guard !id.isEmpty else { return nil }
        return (String(id), inner[inner.index(after: colon)...])
    }

    /// Calls `body` with the byte range of every sealed JSON string (quotes included) and its inside.
    private static func forEachSealed(in json: Data, _ body: (Range<Data.Index>, Substring) -> Void) {
        let bytes = [UInt8](json)
        var index = 0
        while index + prefixBytes.count <= bytes.count {
            let found = bytes.withUnsafeBytes { raw in ByteSearch.firstIndex(of: prefixBytes, in: raw, from: index) }
            guard let begin = found else { return }
            // Sealed strings hold only [A-Za-z0-9:_-]: the next quote closes it.
            var end = begin + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < bytes.count else { return }
            let inner = Substring(decoding: bytes[(begin + 1)..<end], as: UTF8.self)
            body((json.startIndex + begin)..<(json.startIndex + end + 1), inner)
            index = end + 1
        }
    }
}
