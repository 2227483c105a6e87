import DomainTestSupport
import Foundation
import PropertyBased
import Taaktoedeling
import Testing
@testable import Dossiers

/// Sealing rewrites an event's JSON bytes in one pass. Whatever the JSON (as our encoders write it),
/// the result is what parsing it, replacing the sealed fields' strings and writing it again with sorted
/// keys gives, byte for byte; and each replaced string reached the sealer as its exact text.
@Suite struct SealingRewriteTests {
    static let velden: Set<String> = ["toelichting", "naam"]

    /// A replacement that shows what it was given: the field and the text's scalars, in ASCII.
    static func vervanging(_ field: String, _ text: String) -> String? {
        guard velden.contains(field), !text.isEmpty else { return nil }
        return "vervangen:\(field):" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ".")
    }

    /// The reference: Foundation parses, the same rule replaces, Foundation writes with sorted keys.
    static func referentie(_ json: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        var changed = false
        func walk(_ value: Any, field: String?) -> Any {
            if let dictionary = value as? [String: Any] {
                var copy = dictionary
                for (key, inner) in dictionary { copy[key] = walk(inner, field: key) }
                return copy
            }
            if let array = value as? [Any] { return array.map { walk($0, field: field) } }
            guard let text = value as? String, let field, let replaced = vervanging(field, text) else { return value }
            changed = true
            return replaced
        }
        let result = walk(object, field: nil)
        guard changed else { return json }
        return try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    }

    static func herschreven(_ json: Data) throws -> Data {
        try json.withUnsafeBytes { raw in
            var rewrite = FieldEncryption.SealingRewrite(json: raw, replacement: vervanging)
            return try rewrite.run() ?? json
        }
    }

    /// Texts that JSON escapes in every way: quotes, backslashes, controls, slashes, non-ASCII, astral.
    static let teksten = [
        "", "gewoon", "één \"twee\" \\ drie", "regel\nregel\r\t", "\u{0}\u{1}\u{8}\u{C}\u{1F}", "a/b </script>", "\u{7F}\u{85}\u{2028}",
        "🏛️ Den Haag", "x\u{FEFF}y", "tdl:enc:1:al:verzegeld",
    ]
    static let sleutels = ["toelichting", "naam", "titel", "ronde", "regels", "a\"b", "ü"]

    /// A random value, at most `depth` deep.
    static func waarde(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        func next(_ bound: Int) -> Int { Int(rng.next(UInt64(bound))) }
        switch next(depth > 0 ? 7 : 5) {
        case 0: return .null
        case 1: return .bool(next(2) == 0)
        case 2: return .integer(Int64(next(2_000_001)) - 1_000_000)
        case 3, 4:
            if next(3) == 0 { return .string(String(String.UnicodeScalarView((0..<next(6)).map { _ in Unicode.Scalar(UInt32(next(0x2FF)))! }))) }
            return .string(teksten[next(teksten.count)])
        case 5: return .array((0..<next(4)).map { _ in waarde(&rng, depth: depth - 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<next(5) { object[sleutels[next(sleutels.count)]] = waarde(&rng, depth: depth - 1) }
            return .object(object)
        }
    }

    @Test func theRewriteIsAFullReserialisationByteForByte() async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            var object: [String: JSONValue] = [:]
            for index in 0..<4 { object[Self.sleutels[index]] = Self.waarde(&rng, depth: 3) }
            let json = try encoder.encode(JSONValue.object(object))
            let (herschreven, referentie) = (try Self.herschreven(json), try Self.referentie(json))
            #expect(herschreven == referentie, "\(String(decoding: json, as: UTF8.self)) → \(String(decoding: herschreven, as: UTF8.self)) ≠ \(String(decoding: referentie, as: UTF8.self))")
        }
    }

    @Test func escapesInAnyFormReachTheSealerAsTheirText() throws {
        // A leading byte order mark stays (Foundation's parser dropped it from a text it sealed).
        let json = Data(#"{"naam":"a\u00e9\ud83c\udfdb\/\"\\\b\f\n\r\t\u0000z","lijst":[1,2.5e3,true,null],"toelichting":["\#u{FEFF}x",{"naam":"y"}]}"#.utf8)
        var gezien: [String] = []
        let rewritten = try json.withUnsafeBytes { raw in
            var rewrite = FieldEncryption.SealingRewrite(json: raw) { field, text in
                gezien.append("\(field)=\(text)")
                return field == "naam" ? "N" : nil
            }
            return try rewrite.run()
        }
        #expect(gezien == ["naam=aé🏛/\"\\\u{8}\u{C}\n\r\t\u{0}z", "toelichting=\u{FEFF}x", "naam=y"])
        #expect(rewritten.map { String(decoding: $0, as: UTF8.self) } == #"{"naam":"N","lijst":[1,2.5e3,true,null],"toelichting":["\#u{FEFF}x",{"naam":"N"}]}"#)
    }

    @Test func jsonItCannotReadIsRefusedNotHalfRewritten() {
        for kapot in [#"{"naam":"open"#, #"{"naam" "x"}"#, #"{"naam":"x",}"#, #"{"naam":"\q"}"#, #"{"naam":"x"} extra"#, #"["#, ""] {
            #expect(throws: FieldEncryption.SealingRewrite.Unreadable.self, "\(kapot)") {
                try Data(kapot.utf8).withUnsafeBytes { raw in
                    var rewrite = FieldEncryption.SealingRewrite(json: raw, replacement: Self.vervanging)
                    return try rewrite.run()
                }
            }
        }
    }
}
