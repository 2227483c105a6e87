import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// Ids are written and read by hand: the same text as Foundation's `uuidString` (lower-cased); the
/// same id as `UUID(uuidString:)` for the RFC 9562 form in either case, and none for a text that
/// Foundation refuses (Foundation's parser also takes some near forms, such as a space for a digit;
/// this one does not).
@Suite struct UUIDTextTests {
    @Test func writtenAsFoundationWritesThem() {
        for _ in 0..<2000 {
            let id = UUID()
            #expect(id.lowercasedString == id.uuidString.lowercased())
            #expect(id.uppercasedString == id.uuidString)
            #expect(UUID(text: id.lowercasedString) == id)
            #expect(UUID(text: id.uuidString) == id)
        }
    }

    @Test func randomIdsAreVersion4AndDoNotRepeat() {
        var gezien = Set<UUID>()
        var bits = [Int](repeating: 0, count: 128)
        for _ in 0..<10_000 {
            let id = UUID.willekeurig()
            gezien.insert(id)
            withUnsafeBytes(of: id.uuid) { bytes in
                #expect(bytes[6] >> 4 == 4, "version 4")
                #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
                for bit in 0..<128 where bytes[bit / 8] & (1 << (bit % 8)) != 0 { bits[bit] += 1 }
            }
            #expect(UUID(uuidString: id.lowercasedString) == id)
        }
        #expect(gezien.count == 10_000)
        // Every one of the 122 random bits is set in about half the ids (4,500–5,500 of 10,000 is
        // more than ten standard deviations wide); the six fixed bits always or never.
        let vast: Set<Int> = [52, 53, 54, 55, 70, 71]
        for bit in 0..<128 where !vast.contains(bit) {
            #expect((4_500...5_500).contains(bits[bit]), "bit \(bit): \(bits[bit])")
        }
    }

    @Test func readAsFoundationReadsThem() async {
        let alfabet = Array("0123456789abcdefABCDEFgG-x {}é".unicodeScalars)
        let geldig = UUID().uuidString
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(alfabet.count - 1)).array(of: 0...3), Gen.int(in: 0...40), Gen.int(in: 0...2)) { tekens, plek, manier in
            // A valid id with characters changed, inserted or cut: the awkward texts are near valid ones.
            var tekst = Array(geldig.unicodeScalars)
            let positie = min(plek, tekst.count)
            switch manier {
            case 0: tekst.replaceSubrange(positie..<min(positie + tekens.count, tekst.count), with: tekens.map { alfabet[$0] })
            case 1: tekst.insert(contentsOf: tekens.map { alfabet[$0] }, at: positie)
            default: tekst.removeSubrange(positie..<min(positie + tekens.count, tekst.count))
            }
            let invoer = String(String.UnicodeScalarView(tekst))
            let canoniek = invoer.utf8.count == 36 && invoer.utf8.enumerated().allSatisfy { index, byte in
                [8, 13, 18, 23].contains(index) ? byte == UInt8(ascii: "-") : (Character(Unicode.Scalar(byte)).isHexDigit && byte < 0x80)
            }
            if canoniek {
                #expect(UUID(text: invoer) != nil && UUID(text: invoer) == UUID(uuidString: invoer), "\(invoer)")
            } else {
                #expect(UUID(text: invoer) == nil, "\(invoer)")
            }
        }
    }
}
