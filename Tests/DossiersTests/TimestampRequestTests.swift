@testable import Dossiers
import Testing

/// The time-stamp request's nonce: an authority refuses a request that is not DER.
@Suite struct TimestampRequestTests {
    /// Every first byte, with a second byte below and above 0x80: the nonce is a positive INTEGER in
    /// its minimal form (a first byte of 0 followed by one below 0x80 was refused by OpenSSL's TSA).
    @Test func theNonceIsAlwaysAMinimalPositiveInteger() {
        for first in 0...255 {
            for second: UInt8 in [0x00, 0x12, 0x7F, 0x80, 0xFF] {
                let nonce = TimestampClient.nonce(uit: [UInt8(first), second, 1, 2, 3, 4, 5, 6])
                #expect(nonce.count == 8)
                #expect((1...0x7F).contains(nonce[0]), "first byte \(first)")
                #expect(Array(nonce.dropFirst()) == [second, 1, 2, 3, 4, 5, 6])
            }
        }
        #expect(TimestampClient.nonce(uit: []) == [1])
    }

    @Test func theRequestCarriesTheNonceAsItsInteger() {
        let hash = [UInt8](repeating: 0xAB, count: 32)
        let nonce = TimestampClient.nonce(uit: [0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE])
        let verzoek = TimestampClient.verzoek(hash: hash, nonce: nonce)
        // The nonce's INTEGER follows the message imprint: tag 2, length 8, the eight bytes.
        let imprintEnd = verzoek.count - 3 - (2 + nonce.count)
        #expect(Array(verzoek[imprintEnd..<(imprintEnd + 2)]) == [0x02, 8])
        #expect(Array(verzoek[(imprintEnd + 2)..<(imprintEnd + 10)]) == nonce)
        #expect(verzoek[imprintEnd + 2] != 0)
        #expect(Array(verzoek.suffix(3)) == [0x01, 0x01, 0xFF])
    }
}
