import DomainTestSupport
import Foundation
@testable import Taaktoedeling

/// What the JSON writer's and reader's tests feed both them and Foundation: dossiers of random
/// histories, and values of every kind JSONEncoder and JSONDecoder treat in their own way.
enum JSONProef {
    /// A dossier driven by random commands from random actors (`EigenschapTests.stap`), at moments
    /// with fractions of a second as the database's clock gives them; nil when the opening failed.
    static func verloop(_ getallen: [Int]) -> Fixtures.Verloop? {
        var verloop = Fixtures.Verloop()
        do {
            try verloop.voer(.openen(id: Fixtures.dossierID, voorstel: Fixtures.nieuwVoorstel), op: Fixtures.begin)
        } catch {
            return nil
        }
        for (index, getal) in getallen.enumerated() {
            let (actor, command) = EigenschapTests.stap(getal)
            try? verloop.voer(command, door: actor, op: Fixtures.begin.addingTimeInterval(Double(index + 1) * 43_200 + Double(getal % 3_600_000) / 1000))
        }
        return verloop
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

    /// Texts that JSON escapes in every way: quotes, backslashes, controls, slashes, non-ASCII, astral.
    static let teksten = ["", "gewoon", "één \"twee\" \\ drie / vier", "regel\nregel\r\t", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "\u{85}\u{2028}🏛️", "</script>"]

    /// A random value, at most `depth` deep.
    static func waarde(_ rng: inout SplitMix64, depth: Int) -> Waarde {
        func tekst() -> String {
            rng.next(3) == 0
                ? String(String.UnicodeScalarView((0..<rng.next(8)).map { _ in Unicode.Scalar(UInt32(rng.next(0x250)))! }))
                : teksten[Int(rng.next(UInt64(teksten.count)))]
        }
        let getallen: [Double] = [0, -0.0, 1, 0.1, 100, 1e16, 1e17, 1e21, 1e-5, 1e-7, 123456789.125, -2.5, .pi, Double(rng.next(1 << 53)) / 1000]
        let getal = getallen[Int(rng.next(UInt64(getallen.count)))] * (rng.next(2) == 0 ? 1 : Double(rng.next(1000)) / 7)
        let moment = Date(timeIntervalSince1970: Double(rng.next(4_000_000_000)) + Double(rng.next(1_000_000)) / 1_000_000 - 1_000_000_000)
        return Waarde(
            tekst: tekst(), getal: getal, klein: Float(rng.next(100_000)) / 100, geheel: Int(truncatingIfNeeded: rng.next(UInt64.max)),
            bytes: [Int8.min, Int8.max, Int8(truncatingIfNeeded: rng.next(256))], groot: [UInt64.max, 0, rng.next(UInt64.max)][Int(rng.next(3))],
            negatief: Int64.min + Int64(rng.next(10)), moment: moment, id: UUID(),
            adres: URL(string: "https://example.org/pad/\(rng.next(100))?q=a/b")!, inhoud: Data((0..<rng.next(20)).map { _ in UInt8(rng.next(256)) }),
            misschien: rng.next(2) == 0 ? nil : tekst(), leeg: rng.next(2) == 0 ? nil : Int(rng.next(5)), soort: rng.next(2) == 0 ? .een : .twee,
            lijst: (0..<rng.next(3)).map { _ in (0..<rng.next(3)).map { _ in rng.next(4) == 0 ? nil : tekst() } },
            woordenboek: Dictionary((0..<rng.next(20)).map { _ in ("k\(rng.next(40))", Int(rng.next(9))) }, uniquingKeysWith: { first, _ in first }),
            genummerd: Dictionary((0..<rng.next(5)).map { _ in (Int(rng.next(30)), tekst()) }, uniquingKeysWith: { first, _ in first }),
            waar: rng.next(2) == 0, genest: depth > 0 ? (0..<rng.next(3)).map { _ in waarde(&rng, depth: depth - 1) } : []
        )
    }
}
