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
