import DomainTestSupport
import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// A request body read by `JSONValue(parsing:)` gives the value Foundation's `JSONDecoder` gives, and
/// what it reads Foundation reads too: it may refuse more (what RFC 8259 refuses and Foundation lets
/// through), never less, and never another value.
@Suite struct JSONValueParsingTests {
    static func foundation(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    static func ours(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONValue(parsing: bytes)
    }

    /// Where this reader reads a value, Foundation reads the same one.
    static func agrees(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let ours = ours(bytes) else { return }
        #expect(ours == foundation(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func numbersReadAsFoundationReadsThem() throws {
        let cases: [(String, JSONValue)] = [
            ("0", .integer(0)), ("-0", .integer(0)), ("1.0", .integer(1)), ("-0.0", .integer(0)), ("1e2", .integer(100)),
            ("1E2", .integer(100)), ("1e02", .integer(100)), ("2.5e1", .integer(25)), ("1.0e0", .integer(1)), ("1e-400", .integer(0)),
            ("1.5", .number(1.5)), ("-2.25", .number(-2.25)), ("0.0000000000000000000000001", .number(1e-25)),
            ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
            ("9223372036854775808", .number(9223372036854775808)), ("12345678901234567890", .number(12345678901234567890)),
            ("123456789012345678901234567890", .number(123456789012345678901234567890)),
            ("999999999999999999", .integer(999_999_999_999_999_999)), ("-999999999999999999", .integer(-999_999_999_999_999_999)),
        ]
        for (text, value) in cases {
            #expect(try JSONValue(parsing: Array(text.utf8)) == value, "\(text)")
            #expect(Self.foundation(Array(text.utf8)) == value, "Foundation: \(text)")
        }
        for text in ["-9223372036854775809", "9223372036854775807.0", "4.5e15", "1e19", "-1e19", "1.7e308", "1.0000000000000001", "9007199254740991.0"] {
            #expect(Self.ours(Array(text.utf8)) != nil, "\(text)")
            Self.agrees(Array(text.utf8))
        }
        for text in ["01", "-01", "00", "1.", ".5", "-", "1e", "1e+", "+1", "0x10", "1E400", "-1e400", "1.7976931348623157e309", "Infinity",
                     "NaN", "-Infinity", "1.2.3", "1e5e5", "--1", "1-", "0.e1"] {
            #expect(Self.ours(Array(text.utf8)) == nil, "\(text)")
            #expect(Self.foundation(Array(text.utf8)) == nil, "Foundation: \(text)")
        }
    }

    @Test func stringsReadAsFoundationReadsThem() throws {
        let cases: [(String, String)] = [
            (#""""#, ""), (#""a""#, "a"), (#""\u00e9""#, "é"), (#""é""#, "é"), (#""\/""#, "/"), (#""\ud83d\ude00""#, "😀"),
            (#""\u0000""#, "\u{0}"), ("\"\u{7F}\"", "\u{7F}"), (#""\\ud800""#, "\\ud800"), (#""\"\\\b\f\n\r\t""#, "\"\\\u{8}\u{C}\n\r\t"),
            (#""Ondergrond 😀 – ‘Omgevingswet’""#, "Ondergrond 😀 – ‘Omgevingswet’"),
        ]
        for (text, value) in cases {
            #expect(try JSONValue(parsing: Array(text.utf8)) == .string(value), "\(text)")
            #expect(Self.foundation(Array(text.utf8)) == .string(value), "Foundation: \(text)")
        }
        let refused: [[UInt8]] = [
            Array(#""\ud800""#.utf8), Array(#""\udc00""#.utf8), Array(#""\ud800\u0041""#.utf8), Array(#""a\x""#.utf8),
            Array("\"\t\"".utf8), Array(#""\u12""#.utf8), Array(#""abc"#.utf8), [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x28, 0x22],
            [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
        ]
        for bytes in refused {
            #expect(Self.ours(bytes) == nil, "\(bytes)")
            #expect(Self.foundation(bytes) == nil, "Foundation: \(bytes)")
        }
    }

    @Test func containersReadAsFoundationReadsThem() throws {
        #expect(try JSONValue(parsing: Array(#" {"b": [1, "x", null, true, false, {}], "a": {"c": []}} "#.utf8))
            == .object(["b": .array([.integer(1), .string("x"), .null, .bool(true), .bool(false), .object([:])]), "a": .object(["c": .array([])])]))
        // A name given twice: the first value, as Foundation keeps it.
        #expect(try JSONValue(parsing: Array(#"{"a":1,"a":2}"#.utf8)) == .object(["a": .integer(1)]))
        #expect(Self.foundation(Array(#"{"a":1,"a":2}"#.utf8)) == .object(["a": .integer(1)]))
        // A byte order mark before UTF-8 is skipped (RFC 8259 §8.1 allows ignoring it).
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
        Self.agrees([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(Self.ours(Array(deepest.utf8)) != nil)
        Self.agrees(Array(deepest.utf8))
        let tooDeep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(Self.ours(Array(tooDeep.utf8)) == nil)
        for text in ["", " ", "nul", "tru", "true1", "[1 2]", "1 2", "{\"a\" 1}", "{1:2}", "[", "]", "{\"a\":}", "//c\n1", "[1]/*x*/", "'a'", "[1,,2]", "{,}"] {
            #expect(Self.ours(Array(text.utf8)) == nil, "\(text)")
            #expect(Self.foundation(Array(text.utf8)) == nil, "Foundation: \(text)")
        }
    }

    /// What RFC 8259 refuses and Foundation reads: refused here, so the API asks Foundation for them.
    @Test func itRefusesMoreThanFoundationNeverLess() {
        // A whole number from 2^53 up with a fraction or an exponent Foundation reads from its digits.
        for bytes in [Array("[1,]".utf8), Array(#"{"a":1,}"#.utf8), [0xFF, 0xFE, 0x31, 0x00], [0x00, 0x31], Array("123456789012345678.0".utf8),
                      Array("1e18".utf8), Array("-9.007199254740993e15".utf8)] {
            #expect(Self.ours(bytes) == nil, "\(bytes)")
            #expect(Self.foundation(bytes) != nil, "Foundation: \(bytes)")
        }
    }

    /// Random JSON texts (every kind, names and strings with escapes and non-ASCII, numbers spelled
    /// every way, whitespace anywhere) read the same by both; so does each text with a byte changed,
    /// inserted or cut off, or this reader refuses it.
    @Test func randomTextsAndTheirCorruptionsReadAsFoundationReadsThem() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            var text: [UInt8] = []
            Self.randomValue(&rng, depth: 0, into: &text)
            #expect(Self.ours(text) != nil, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            Self.agrees(text)
            let noise: [UInt8] = Array("{}[],:\"\\0-1.eE+tu x\u{0}".utf8) + [0xC3, 0xFF, 0xED, 0xA0, 0x80]
            for _ in 0..<8 {
                var broken = text
                let position = Int(rng.next(UInt64(broken.count)))
                switch rng.next(3) {
                case 0: broken[position] = noise[Int(rng.next(UInt64(noise.count)))]
                case 1: broken.insert(noise[Int(rng.next(UInt64(noise.count)))], at: position)
                default: broken.removeSubrange(position...)
                }
                Self.agrees(broken)
            }
        }
    }

    static func randomValue(_ rng: inout SplitMix64, depth: Int, into text: inout [UInt8]) {
        func space() {
            if rng.next(4) == 0 { text += Array([" ", "\n", "\t", "\r\n  "][Int(rng.next(4))].utf8) }
        }
        space()
        switch rng.next(depth < 3 ? 8 : 6) {
        case 0: text += Array("null".utf8)
        case 1: text += Array((rng.next(2) == 0 ? "true" : "false").utf8)
        case 2, 3: text += Array(randomNumber(&rng).utf8)
        case 4, 5: randomString(&rng, into: &text)
        case 6:
            text.append(UInt8(ascii: "["))
            for index in 0..<Int(rng.next(5)) {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                randomValue(&rng, depth: depth + 1, into: &text)
            }
            space()
            text.append(UInt8(ascii: "]"))
        default:
            text.append(UInt8(ascii: "{"))
            for index in 0..<Int(rng.next(5)) {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                space()
                randomString(&rng, into: &text, short: true)
                space()
                text.append(UInt8(ascii: ":"))
                randomValue(&rng, depth: depth + 1, into: &text)
            }
            space()
            text.append(UInt8(ascii: "}"))
        }
        space()
    }

    static func randomNumber(_ rng: inout SplitMix64) -> String {
        let forms = ["0", "-0", "7", "-12", "1.0", "3.25", "-0.5", "1e3", "2E-2", "1.5e+2", "9223372036854775807", "-9223372036854775808",
                     "9223372036854775808", "18446744073709551616", "123456789.123456789", "1e-320", "4.9e-324", "1.7976931348623157e308"]
        if rng.next(2) == 0 { return forms[Int(rng.next(UInt64(forms.count)))] }
        var number = rng.next(2) == 0 ? "-" : ""
        // Below 2^53 (10^9 · 10^6), where this reader reads every spelling itself.
        number += String(rng.next(1_000_000_000))
        if rng.next(2) == 0 { number += "." + String(rng.next(100_000)) }
        if rng.next(3) == 0 { number += ["e", "E", "e+", "e-"][Int(rng.next(4))] + String(rng.next(7)) }
        return number
    }

    static func randomString(_ rng: inout SplitMix64, into text: inout [UInt8], short: Bool = false) {
        let pieces = ["a", "Z", " ", "é", "ĳ", "€", "😀", "–", #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\b"#, #"\f"#, #"\r"#, #"\u00e9"#,
                      #"\u20AC"#, #"\ud83d\ude00"#, #"\u0000"#, #"\u001f"#, "\u{7F}", "taak", "VNG"]
        text.append(UInt8(ascii: "\""))
        for _ in 0..<Int(rng.next(short ? 4 : 12)) { text += Array(pieces[Int(rng.next(UInt64(pieces.count)))].utf8) }
        text.append(UInt8(ascii: "\""))
    }
}
