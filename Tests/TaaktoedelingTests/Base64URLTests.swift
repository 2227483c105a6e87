import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// base64url (RFC 4648 §5) written and read byte by byte: the same text Foundation's base64 gives
/// with the URL alphabet and without padding, and back again.
@Suite("base64url")
struct Base64URLTests {
    static let bytes = Gen.int(in: 0...255).array(of: 0...70).map { Data($0.map(UInt8.init)) }

    @Test func encodesAsFoundationWithTheURLAlphabetAndNoPadding() async {
        await propertyCheck(count: 2000, input: Self.bytes) { data in
            let foundation = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(data.base64URLEncodedString() == foundation)
        }
    }

    @Test func decodesWhatItEncodesWithOrWithoutPadding() async {
        await propertyCheck(count: 2000, input: Self.bytes) { data in
            let text = data.base64URLEncodedString()
            #expect(Data(base64URLEncoded: text) == data)
            let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
            #expect(Data(base64URLEncoded: padded) == data)
        }
    }

    @Test func refusesWhatNoEncodingGives() {
        #expect(Data(base64URLEncoded: "") == Data())
        #expect(Data(base64URLEncoded: "Zm9v") == Data("foo".utf8))
        #expect(Data(base64URLEncoded: "_-8") == Data([0xFF, 0xEF]))
        for wrong in ["A", "Zm9v+", "Zm9v/A", "Zm 9v", "Zm9=", "Z===", "Zm9vYg=", "Zh", "é123"] {
            #expect(Data(base64URLEncoded: wrong) == nil, "\(wrong)")
        }
    }
}
