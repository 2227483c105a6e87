import DomainTestSupport
import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// The stored-JSON reader gives the values Foundation's `JSONDecoder` gives: for dossier states as
/// PostgreSQL's `jsonb` hands them back (other key order, spaces), for values of every kind, and for
/// broken JSON (both refuse, or both read the same).
@Suite struct StoredJSONDecoderTests {
    static func foundation(_ dates: SortedJSONEncoder.Dates) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = dates == .iso8601 ? .iso8601 : .deferredToDate
        return decoder
    }

    /// `json` with its keys in another order and whitespace between the tokens, as `jsonb` prints it.
    static func herschikt(_ json: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .fragmentsAllowed])
    }

    @Test func aDossiersStoredStateReadsAsFoundationReadsIt() async {
        let writer = SortedJSONEncoder(dates: .secondsSinceReferenceDate, escapesSlashes: true, flags: [Dossier.opslagSleutel])
        await propertyCheck(count: 60, input: Gen.int(in: 0...10_000_000).array(of: 1...60)) { getallen in
            guard let dossier = JSONProef.verloop(getallen)?.state else {
                Issue.record("opening failed")
                return
            }
            let json = try writer.encode(dossier)
            for bytes in [json, try Self.herschikt(json)] {
                let ours = try StoredJSONDecoder(dates: .secondsSinceReferenceDate).decode(Dossier.self, from: bytes)
                #expect(ours == (try Self.foundation(.secondsSinceReferenceDate).decode(Dossier.self, from: bytes)))
                #expect(ours == dossier)
            }
        }
    }

    @Test func valuesOfEveryKindReadAsFoundationReadsThem() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let value = JSONProef.waarde(&rng, depth: 2)
            for dates in [SortedJSONEncoder.Dates.iso8601, .secondsSinceReferenceDate] {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = dates == .iso8601 ? .iso8601 : .deferredToDate
                let json = try encoder.encode(value)
                for bytes in [json, try Self.herschikt(json)] {
                    let ours = try StoredJSONDecoder(dates: dates).decode(JSONProef.Waarde.self, from: bytes)
                    #expect(ours == (try Self.foundation(dates).decode(JSONProef.Waarde.self, from: bytes)))
                    if dates == .secondsSinceReferenceDate { #expect(ours == value) }
                }
            }
        }
    }

    /// JSON cut short or with a byte changed: where Foundation refuses, this reader refuses too (a
    /// `DecodingError`, never a trap); where Foundation reads a value, this reader reads the same.
    @Test func brokenJSONIsRefusedAsFoundationRefusesIt() async throws {
        var rng = SplitMix64(seed: 7)
        let json = try JSONEncoder().encode(JSONProef.waarde(&rng, depth: 1))
        let bytes: [UInt8] = Array("{}[],:\"\\0-1.eEtrufalsn x\u{0}".utf8) + [0xC3, 0xFF]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(json.count - 1)), Gen.int(in: 0...(bytes.count))) { position, replacement in
            var broken = json
            if replacement == bytes.count {
                broken = broken.prefix(position)
            } else {
                broken[broken.startIndex + position] = bytes[replacement]
            }
            let theirs = try? Self.foundation(.iso8601).decode(JSONProef.Waarde.self, from: broken)
            do {
                let ours = try StoredJSONDecoder(dates: .iso8601).decode(JSONProef.Waarde.self, from: broken)
                #expect(ours == theirs, "\(String(decoding: broken, as: UTF8.self))")
            } catch is DecodingError {
                #expect(theirs == nil, "\(String(decoding: broken, as: UTF8.self))")
            }
        }
    }

    @Test func aMissingMemberOrAWrongTypeSaysWhere() throws {
        struct Twee: Decodable { let a: Int; let b: [String] }
        #expect(throws: DecodingError.self) { try StoredJSONDecoder().decode(Twee.self, from: Data(#"{"a":1}"#.utf8)) }
        do {
            _ = try StoredJSONDecoder().decode(Twee.self, from: Data(#"{"a":1,"b":["x",2]}"#.utf8))
            Issue.record("a number was read as a string")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["b", "1"])
        }
    }
}
