import DomainTestSupport
import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// The sorted-key writer gives the bytes Foundation's `JSONEncoder` gives with the same conventions:
/// for the dossier's state, views and events of random histories, and for values of every kind
/// JSONEncoder treats in its own way.
@Suite struct SortedJSONEncoderTests {
    static func foundation(_ dates: SortedJSONEncoder.Dates, escapesSlashes: Bool, opslag: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapesSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = dates == .iso8601 ? .iso8601 : .deferredToDate
        if opslag { encoder.userInfo[Dossier.opslagSleutel] = true }
        return encoder
    }

    static let views = SortedJSONEncoder(dates: .iso8601)
    static let state = SortedJSONEncoder(dates: .secondsSinceReferenceDate, escapesSlashes: true, flags: [Dossier.opslagSleutel])

    @Test func aDossiersStateViewsAndEventsAreFoundationsBytes() async {
        let actoren = [Fixtures.coordinator, Fixtures.liaison, Fixtures.vng, Fixtures.ipo, Fixtures.uvw]
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
                // Moments with fractions of a second, as the database's clock gives them.
                try? verloop.voer(command, door: actor, op: Fixtures.begin.addingTimeInterval(Double(index + 1) * 43_200 + Double(getal % 3_600_000) / 1000))
            }
            guard let dossier = verloop.state else { return }
            #expect(try Self.state.encode(dossier) == Self.foundation(.secondsSinceReferenceDate, escapesSlashes: true, opslag: true).encode(dossier))
            for actor in actoren {
                guard let zichtbaar = dossier.zichtbaar(voor: actor) else { continue }
                #expect(try Self.views.encode(zichtbaar) == Self.foundation(.iso8601, escapesSlashes: false).encode(zichtbaar))
            }
            for (event, _, _) in verloop.events {
                let reference = try event.encodedPayload { try Self.foundation(.iso8601, escapesSlashes: false).encode($0) }
                #expect(try event.encodedData() == reference, "\(event.type)")
            }
        }
    }

    /// Every kind of value JSONEncoder writes in its own way.
    struct Alles: Encodable {
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
        var lijst: [[String]]
        var woordenboek: [String: Int]
        var genummerd: [Int: String]
        var waar: Bool
        var genest: [Alles]

        enum CodingKeys: String, CodingKey {
            case tekst, getal, klein, geheel, bytes, groot, negatief, moment, id, adres, inhoud, misschien, leeg, lijst, woordenboek, genummerd, waar, genest
            case Zzz, _onder, a10, a2, bytesGenest
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tekst, forKey: .tekst)
            try container.encode(getal, forKey: .getal)
            try container.encode(klein, forKey: .klein)
            try container.encode(geheel, forKey: .geheel)
            try container.encode(bytes, forKey: .bytes)
            try container.encode(groot, forKey: .groot)
            try container.encode(negatief, forKey: .negatief)
            try container.encode(moment, forKey: .moment)
            try container.encode(id, forKey: .id)
            try container.encode(adres, forKey: .adres)
            try container.encode(inhoud, forKey: .inhoud)
            try container.encodeIfPresent(misschien, forKey: .misschien)
            try container.encode(leeg, forKey: .leeg)
            try container.encode(lijst, forKey: .lijst)
            try container.encode(woordenboek, forKey: .woordenboek)
            try container.encode(genummerd, forKey: .genummerd)
            try container.encode(waar, forKey: .waar)
            try container.encode(genest, forKey: .genest)
            try container.encode(1, forKey: .Zzz)
            try container.encode(2, forKey: ._onder)
            try container.encode(3, forKey: .a10)
            try container.encode(4, forKey: .a2)
            var nested = container.nestedUnkeyedContainer(forKey: .bytesGenest)
            try nested.encode("genest")
            let sup = container.superEncoder()
            var single = sup.singleValueContainer()
            try single.encode(tekst)
        }
    }

    static let teksten = ["", "gewoon", "één \"twee\" \\ drie / vier", "regel\nregel\r\t", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "\u{85}\u{2028}🏛️", "</script>"]

    static func waarde(_ rng: inout UInt64, depth: Int) -> Alles {
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
        return Alles(
            tekst: tekst(), getal: getallen[Int(next(UInt64(getallen.count)))] * (next(2) == 0 ? 1 : Double(next(1000)) / 7),
            klein: Float(next(100_000)) / 100, geheel: Int(truncatingIfNeeded: next(UInt64.max)), bytes: [Int8.min, Int8.max, Int8(truncatingIfNeeded: next(256))],
            groot: [UInt64.max, 0, next(UInt64.max)][Int(next(3))], negatief: Int64.min + Int64(next(10)),
            moment: Date(timeIntervalSince1970: Double(next(4_000_000_000)) + Double(next(1_000_000)) / 1_000_000 - 1_000_000_000),
            id: UUID(), adres: URL(string: "https://example.org/pad/\(next(100))?q=a/b")!, inhoud: Data((0..<next(20)).map { _ in UInt8(next(256)) }),
            misschien: next(2) == 0 ? nil : tekst(), leeg: next(2) == 0 ? nil : Int(next(5)),
            lijst: (0..<next(3)).map { _ in (0..<next(3)).map { _ in tekst() } },
            woordenboek: Dictionary((0..<next(5)).map { _ in ("k\(next(20))", Int(next(9))) }, uniquingKeysWith: { first, _ in first }),
            genummerd: Dictionary((0..<next(5)).map { _ in (Int(next(30)), tekst()) }, uniquingKeysWith: { first, _ in first }),
            waar: next(2) == 0, genest: depth > 0 ? (0..<next(3)).map { _ in waarde(&rng, depth: depth - 1) } : []
        )
    }

    @Test func valuesOfEveryKindAreFoundationsBytes() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = UInt64(seed)
            let value = Self.waarde(&rng, depth: 2)
            for dates in [SortedJSONEncoder.Dates.iso8601, .secondsSinceReferenceDate] {
                for escapesSlashes in [false, true] {
                    let ours = try SortedJSONEncoder(dates: dates, escapesSlashes: escapesSlashes).encode(value)
                    let theirs = try Self.foundation(dates, escapesSlashes: escapesSlashes).encode(value)
                    #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self)) ≠ \(String(decoding: theirs, as: UTF8.self))")
                }
            }
        }
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["x": Double.infinity]) }
    }
}
