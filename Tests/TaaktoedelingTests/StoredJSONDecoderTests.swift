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
            var verloop = Fixtures.Verloop()
            do {
                try verloop.voer(.openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), op: Fixtures.begin)
            } catch {
                Issue.record("opening failed: \(error)")
                return
            }
            for (index, getal) in getallen.enumerated() {
                let (actor, command) = EigenschapTests.stap(getal)
                try? verloop.voer(command, door: actor, op: Fixtures.begin.addingTimeInterval(Double(index + 1) * 43_200 + Double(getal % 3_600_000) / 1000))
            }
            guard let dossier = verloop.state else { return }
            let json = try writer.encode(dossier)
            for bytes in [json, try Self.herschikt(json)] {
                let ours = try StoredJSONDecoder(dates: .secondsSinceReferenceDate).decode(Dossier.self, from: bytes)
                #expect(ours == (try Self.foundation(.secondsSinceReferenceDate).decode(Dossier.self, from: bytes)))
                #expect(ours == dossier)
            }
        }
    }

    enum Soort: String, Codable { case een, twee }

    struct Waarde: Codable, Equatable {
        var tekst: String
        var getal: Double
        var klein: Float
        var geheel: Int
        var bytes: [Int8]
        var groot: UInt64
        var negatief: Int64
        var moment: Date
        var id: UUID
        var adres: URL
        var inhoud: Data
        var misschien: String?
        var leeg: Int?
        var soort: Soort
        var lijst: [[String?]]
        var woordenboek: [String: Int]
        var genummerd: [Int: String]
        var waar: Bool
        var genest: [Waarde]
    }

    static let teksten = ["", "gewoon", "één \"twee\" \\ drie / vier", "regel\nregel\r\t", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "\u{85}\u{2028}🏛️", "</script>"]

    static func waarde(_ rng: inout UInt64, depth: Int) -> Waarde {
        func next(_ bound: UInt64) -> UInt64 {
            rng &+= 0x9E37_79B9_7F4A_7C15
            var z = rng
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (z ^ (z >> 31)) % bound
        }
        func tekst() -> String {
            next(3) == 0 ? String(String.UnicodeScalarView((0..<next(8)).map { _ in Unicode.Scalar(UInt32(next(0x250)))! })) : teksten[Int(next(UInt64(teksten.count)))]
        }
        let getallen: [Double] = [0, -0.0, 1, 0.1, 100, 1e16, 1e17, 1e21, 1e-5, 1e-7, 123456789.125, -2.5, .pi, Double(next(1 << 53)) / 1000]
        return Waarde(
            tekst: tekst(), getal: getallen[Int(next(UInt64(getallen.count)))] * (next(2) == 0 ? 1 : Double(next(1000)) / 7),
            klein: Float(next(100_000)) / 100, geheel: Int(truncatingIfNeeded: next(UInt64.max)), bytes: [Int8.min, Int8.max, Int8(truncatingIfNeeded: next(256))],
            groot: [UInt64.max, 0, next(UInt64.max)][Int(next(3))], negatief: Int64.min + Int64(next(10)),
            moment: Date(timeIntervalSince1970: Double(next(4_000_000_000)) + Double(next(1_000_000)) / 1_000_000 - 1_000_000_000),
            id: UUID(), adres: URL(string: "https://example.org/pad/\(next(100))?q=a/b")!, inhoud: Data((0..<next(20)).map { _ in UInt8(next(256)) }),
            misschien: next(2) == 0 ? nil : tekst(), leeg: next(2) == 0 ? nil : Int(next(5)), soort: next(2) == 0 ? .een : .twee,
            lijst: (0..<next(3)).map { _ in (0..<next(3)).map { _ in next(4) == 0 ? nil : tekst() } },
            woordenboek: Dictionary((0..<next(20)).map { _ in ("k\(next(40))", Int(next(9))) }, uniquingKeysWith: { first, _ in first }),
            genummerd: Dictionary((0..<next(5)).map { _ in (Int(next(30)), tekst()) }, uniquingKeysWith: { first, _ in first }),
            waar: next(2) == 0, genest: depth > 0 ? (0..<next(3)).map { _ in waarde(&rng, depth: depth - 1) } : []
        )
    }

    @Test func valuesOfEveryKindReadAsFoundationReadsThem() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = UInt64(seed)
            let value = Self.waarde(&rng, depth: 2)
            for dates in [SortedJSONEncoder.Dates.iso8601, .secondsSinceReferenceDate] {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = dates == .iso8601 ? .iso8601 : .deferredToDate
                let json = try encoder.encode(value)
                for bytes in [json, try Self.herschikt(json)] {
                    let ours = try StoredJSONDecoder(dates: dates).decode(Waarde.self, from: bytes)
                    #expect(ours == (try Self.foundation(dates).decode(Waarde.self, from: bytes)))
                    if dates == .secondsSinceReferenceDate { #expect(ours == value) }
                }
            }
        }
    }

    /// JSON cut short or with a byte changed: where Foundation refuses, this reader refuses too (a
    /// `DecodingError`, never a trap); where Foundation reads a value, this reader reads the same.
    @Test func brokenJSONIsRefusedAsFoundationRefusesIt() async throws {
        var rng: UInt64 = 7
        let json = try JSONEncoder().encode(Self.waarde(&rng, depth: 1))
        let bytes: [UInt8] = Array("{}[],:\"\\0-1.eEtrufalsn x\u{0}".utf8) + [0xC3, 0xFF]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(json.count - 1)), Gen.int(in: 0...(bytes.count))) { position, replacement in
            var broken = json
            if replacement == bytes.count {
                broken = broken.prefix(position)
            } else {
                broken[broken.startIndex + position] = bytes[replacement]
            }
            let theirs = try? Self.foundation(.iso8601).decode(Waarde.self, from: broken)
            do {
                let ours = try StoredJSONDecoder(dates: .iso8601).decode(Waarde.self, from: broken)
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
