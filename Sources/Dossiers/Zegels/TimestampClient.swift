import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// Asks an RFC 3161 time-stamping authority for a token over a seal's message (SHA-256), and reads
/// the answer: the status must be granted, and the token's TSTInfo must carry the message's hash;
/// its genTime is kept beside the token.
public struct TimestampClient: Sendable {
    /// Why no token came.
    public struct TimestampError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    let url: String
    let timeout: TimeAmount

    /// A client of the authority at `url` (http or https).
    public init(url: String, timeout: TimeAmount = .seconds(10)) {
        self.url = url
        self.timeout = timeout
    }

    /// The token over `bericht`.
    public func stempel(_ bericht: Data) async throws -> Zegel.Tijdstempel {
        let hash = Array(SHA256.hash(data: bericht))
        let nonce = Self.nonce(uit: (0..<8).map { _ in UInt8.random(in: 0...255) })
        let verzoek = Self.verzoek(hash: hash, nonce: nonce)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/timestamp-query")
        request.body = .bytes(ByteBuffer(bytes: verzoek))
        let antwoord: [UInt8]
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            guard response.status == .ok else { throw TimestampError(description: "de TSA antwoordde HTTP \(response.status.code)") }
            antwoord = Array(buffer: try await response.body.collect(upTo: 1 << 20))
        } catch let fout as TimestampError {
            throw fout
        } catch {
            throw TimestampError(description: "de TSA is niet bereikbaar (\(error))")
        }
        let (token, genTime) = try Self.lees(antwoord, hash: hash)
        return Zegel.Tijdstempel(tsa: url, token: Data(token).base64EncodedString(), genTime: genTime)
    }

    // MARK: DER

    /// The nonce's INTEGER content from random bytes: positive (top bit clear) and in DER's minimal
    /// form, so its first byte is never 0. A first byte of 0 followed by one below 0x80 is not DER, and
    /// an authority refuses the request (OpenSSL's with "the data submitted has the wrong format"):
    /// one seal in 256 was refused before.
    static func nonce(uit willekeur: [UInt8]) -> [UInt8] {
        var nonce = willekeur
        guard !nonce.isEmpty else { return [1] }
        nonce[0] &= 0x7F
        if nonce[0] == 0 { nonce[0] = 1 }
        return nonce
    }

    /// TimeStampReq { version 1, messageImprint { sha256, hash }, nonce, certReq TRUE }.
    static func verzoek(hash: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let sha256 = tlv(0x30, tlv(0x06, [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]) + [0x05, 0x00])
        let imprint = tlv(0x30, sha256 + tlv(0x04, hash))
        return tlv(0x30, tlv(0x02, [1]) + imprint + tlv(0x02, nonce) + tlv(0x01, [0xFF]))
    }

    static func tlv(_ tag: UInt8, _ inhoud: [UInt8]) -> [UInt8] {
        var lengte: [UInt8]
        if inhoud.count < 128 {
            lengte = [UInt8(inhoud.count)]
        } else {
            var n = inhoud.count
            var bytes: [UInt8] = []
            while n > 0 { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 }
            lengte = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + lengte + inhoud
    }

    /// One DER element: its tag, its content and the whole element's bytes.
    struct Element {
        let tag: UInt8
        let inhoud: ArraySlice<UInt8>
        let geheel: ArraySlice<UInt8>

        /// The elements inside a constructed element.
        func kinderen() throws -> [Element] {
            var rest = inhoud
            var kinderen: [Element] = []
            while !rest.isEmpty {
                let kind = try Element.lees(rest)
                kinderen.append(kind)
                rest = rest.dropFirst(kind.geheel.count)
            }
            return kinderen
        }

        static func lees(_ bytes: ArraySlice<UInt8>) throws -> Element {
            guard bytes.count >= 2 else { throw TimestampError(description: "het antwoord van de TSA is geen DER") }
            let begin = bytes.startIndex
            var index = begin + 1
            var lengte = Int(bytes[index])
            index += 1
            if lengte & 0x80 != 0 {
                let aantal = lengte & 0x7F
                guard aantal >= 1, aantal <= 4, bytes.endIndex - index >= aantal else { throw TimestampError(description: "het antwoord van de TSA is geen DER") }
                lengte = 0
                for _ in 0..<aantal { lengte = lengte << 8 | Int(bytes[index]); index += 1 }
            }
            guard bytes.endIndex - index >= lengte else { throw TimestampError(description: "het antwoord van de TSA is afgekapt") }
            return Element(tag: bytes[begin], inhoud: bytes[index..<(index + lengte)], geheel: bytes[begin..<(index + lengte)])
        }
    }

    /// The token and its genTime from a TimeStampResp, checked: status granted, one SHA-256 imprint
    /// that is `hash`.
    static func lees(_ antwoord: [UInt8], hash: [UInt8]) throws -> (token: [UInt8], genTime: String) {
        let resp = try Element.lees(antwoord[...])
        guard resp.tag == 0x30 else { throw TimestampError(description: "het antwoord van de TSA is geen TimeStampResp") }
        let delen = try resp.kinderen()
        guard let status = try delen.first?.kinderen().first, status.tag == 0x02, let waarde = status.inhoud.last, status.inhoud.count == 1 else {
            throw TimestampError(description: "het antwoord van de TSA heeft geen status")
        }
        guard waarde <= 1 else { throw TimestampError(description: "de TSA weigerde (status \(waarde))") }
        guard delen.count >= 2, delen[1].tag == 0x30 else { throw TimestampError(description: "het antwoord van de TSA heeft geen token") }
        let token = delen[1]
        return (Array(token.geheel), try genTime(token, hash: hash))
    }

    /// The genTime of a TimeStampToken whose imprint is `hash` (else an error).
    public static func controleer(token: [UInt8], hash: [UInt8]) throws -> String {
        try genTime(try Element.lees(token[...]), hash: hash)
    }

    private static func genTime(_ token: Element, hash: [UInt8]) throws -> String {
        // ContentInfo { OID signedData, [0] { SignedData { version, digestAlgorithms, encapContentInfo { OID, [0] { OCTET STRING TSTInfo } } } } }
        guard let explicit = try token.kinderen().dropFirst().first, explicit.tag == 0xA0,
              let signedData = try explicit.kinderen().first, signedData.tag == 0x30
        else { throw TimestampError(description: "het token van de TSA is geen CMS SignedData") }
        let onderdelen = try signedData.kinderen()
        guard onderdelen.count >= 3, let econtent = try onderdelen[2].kinderen().dropFirst().first, econtent.tag == 0xA0,
              let octets = try econtent.kinderen().first, octets.tag == 0x04
        else { throw TimestampError(description: "het token van de TSA heeft geen TSTInfo") }
        let tstInfo = try Element.lees(octets.inhoud).kinderen()
        guard tstInfo.count >= 5, let imprint = try tstInfo[2].kinderen().last, imprint.tag == 0x04 else {
            throw TimestampError(description: "de TSTInfo van de TSA is onvolledig")
        }
        guard Array(imprint.inhoud) == hash else { throw TimestampError(description: "het token van de TSA gaat over een andere hash") }
        guard tstInfo[4].tag == 0x18 else { throw TimestampError(description: "de TSTInfo van de TSA heeft geen genTime") }
        return String(decoding: tstInfo[4].inhoud, as: UTF8.self)
    }
}
