import Foundation

/// A seal cut to one stream: its signed facts (without the other streams), the stream's sealed
/// head and the Merkle proof from that leaf to the signed root. Checking it needs only the public
/// key: verify the signature over `bericht`, then hash the leaf up the proof to `merkleRoot`.
public struct ZegelBewijs: Codable, Sendable {
    public var versie: Int
    public var gemaaktOp: String
    public var algoritme: String
    public var publiekeSleutel: String
    public var merkleRoot: String
    public var aantalStromen: Int
    public var handtekening: String
    public var tijdstempel: Zegel.Tijdstempel?
    /// The signed message, as text: `toedeling-zegel-v1\n<gemaaktOp>\n<merkleRoot>\n<aantalStromen>\n`.
    public var bericht: String
    /// This stream's sealed head.
    public var stroom: Zegel.Stroom
    /// How the leaf is hashed, and each step up: `links`: sha256(0x01 ‖ hash ‖ current), `rechts`: sha256(0x01 ‖ current ‖ hash).
    public var blad: String
    public var bewijs: [Stap]

    public struct Stap: Codable, Sendable {
        public var kant: String
        public var hash: String
    }

    /// The proof of stream `index` of `zegel`.
    public init(zegel: Zegel, index: Int) {
        versie = zegel.versie
        gemaaktOp = zegel.gemaaktOp
        algoritme = zegel.algoritme
        publiekeSleutel = zegel.publiekeSleutel
        merkleRoot = zegel.merkleRoot
        aantalStromen = zegel.aantalStromen
        handtekening = zegel.handtekening
        tijdstempel = zegel.tijdstempel
        bericht = String(decoding: zegel.bericht, as: UTF8.self)
        stroom = zegel.stromen[index]
        blad = "sha256(0x00 || stream || 0x00 || version as 8 bytes big-endian || head)"
        bewijs = Zegel.bewijs(zegel.stromen, index: index).map { Stap(kant: $0.kant, hash: $0.hash) }
    }

    /// The JSON bytes (sorted keys).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(self)
    }
}
