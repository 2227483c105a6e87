import Crypto
import Foundation
import Taaktoedeling

/// A seal over the history: every stream's (id, version, head hash) as the leaves of a Merkle tree,
/// its root signed with an Ed25519 key and, when a time-stamping authority is configured, an RFC 3161
/// token over the signed message. Written as `zegel.json` (this struct's JSON) into the database
/// and a folder the database's owner cannot change.
public struct Zegel: Codable, Sendable, Equatable {
    /// One sealed stream head.
    public struct Stroom: Codable, Sendable, Equatable {
        public var stream: String
        public var versie: Int64
        public var head: String
    }

    /// The time-stamping authority's token.
    public struct Tijdstempel: Codable, Sendable, Equatable {
        /// Where it was asked.
        public var tsa: String
        /// The RFC 3161 TimeStampToken (a CMS SignedData), DER, base64.
        public var token: String
        /// The time the authority put in it.
        public var genTime: String
    }

    public var versie: Int = 1
    public var gemaaktOp: String
    public var algoritme: String = "Ed25519"
    /// The public key (raw 32 bytes, base64) the signature is checked with.
    public var publiekeSleutel: String
    /// The Merkle root (hex) over `stromen`.
    public var merkleRoot: String
    public var aantalStromen: Int
    /// Every stream head, sorted by stream id.
    public var stromen: [Stroom]
    /// The Ed25519 signature (base64) over `bericht`.
    public var handtekening: String
    public var tijdstempel: Tijdstempel?

    /// What is signed (and time-stamped): the seal's version, moment, root and count.
    public var bericht: Data {
        Data("toedeling-zegel-v\(versie)\n\(gemaaktOp)\n\(merkleRoot)\n\(aantalStromen)\n".utf8)
    }

    /// The JSON bytes as stored and written (sorted keys).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    // MARK: Merkle tree

    /// A leaf: sha256(0x00 ‖ stream id ‖ 0x00 ‖ version as 8 bytes big-endian ‖ head).
    static func blad(_ stroom: Stroom) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0])
        hasher.update(data: Data(stroom.stream.utf8))
        hasher.update(data: [0])
        withUnsafeBytes(of: UInt64(bitPattern: stroom.versie).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: DocumentStorage.bytes(hex: stroom.head) ?? Data())
        return Data(hasher.finalize())
    }

    static func knoop(_ links: Data, _ rechts: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [1])
        hasher.update(data: links)
        hasher.update(data: rechts)
        return Data(hasher.finalize())
    }

    /// The root over the leaves (a lone last node is carried up as it is); the hash of nothing for none.
    public static func merkleRoot(_ stromen: [Stroom]) -> Data {
        var laag = stromen.map(blad)
        guard !laag.isEmpty else { return Data(SHA256.hash(data: Data())) }
        while laag.count > 1 {
            var boven: [Data] = []
            boven.reserveCapacity((laag.count + 1) / 2)
            var index = 0
            while index < laag.count {
                boven.append(index + 1 < laag.count ? knoop(laag[index], laag[index + 1]) : laag[index])
                index += 2
            }
            laag = boven
        }
        return laag[0]
    }

    /// The proof that stream `index` is in the tree: the sibling hashes from leaf to root, each with
    /// the side it is on.
    public static func bewijs(_ stromen: [Stroom], index: Int) -> [(kant: String, hash: String)] {
        var laag = stromen.map(blad)
        var positie = index
        var pad: [(kant: String, hash: String)] = []
        while laag.count > 1 {
            let buur = positie ^ 1
            if buur < laag.count { pad.append((buur < positie ? "links" : "rechts", laag[buur].hexadecimaal)) }
            var boven: [Data] = []
            var i = 0
            while i < laag.count {
                boven.append(i + 1 < laag.count ? knoop(laag[i], laag[i + 1]) : laag[i])
                i += 2
            }
            laag = boven
            positie /= 2
        }
        return pad
    }
}

/// An Ed25519 key pair in PEM files: the private key as PKCS#8 (mode 600), the public key as
/// SubjectPublicKeyInfo beside it (`.pub`), both readable by OpenSSL.
public enum ZegelSleutel {
    static let pkcs8Voorvoegsel: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let spkiVoorvoegsel: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// Why a key file cannot be used.
    public struct KeyError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    static func pem(_ label: String, _ der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString()
        var regels: [String] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            regels.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(label)-----\n" + regels.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    static func der(_ pem: String, _ label: String) -> [UInt8]? {
        guard let begin = pem.range(of: "-----BEGIN \(label)-----"), let einde = pem.range(of: "-----END \(label)-----") else { return nil }
        let binnen = pem[begin.upperBound..<einde.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(binnen)).map(Array.init)
    }

    /// Writes a new key pair: `pad` (private, mode 600) and `pad.pub`; refuses to overwrite.
    public static func maak(pad: String) throws -> Curve25519.Signing.PublicKey {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: pad), !fileManager.fileExists(atPath: pad + ".pub") else {
            throw KeyError(description: "\(pad) of \(pad).pub bestaat al; een zegelsleutel wordt niet overschreven")
        }
        let sleutel = Curve25519.Signing.PrivateKey()
        guard fileManager.createFile(atPath: pad, contents: Data(pem("PRIVATE KEY", pkcs8Voorvoegsel + Array(sleutel.rawRepresentation)).utf8),
                                     attributes: [.posixPermissions: 0o600])
        else { throw KeyError(description: "\(pad) kan niet worden geschreven") }
        guard fileManager.createFile(atPath: pad + ".pub", contents: Data(pem("PUBLIC KEY", spkiVoorvoegsel + Array(sleutel.publicKey.rawRepresentation)).utf8),
                                     attributes: [.posixPermissions: 0o644])
        else { throw KeyError(description: "\(pad).pub kan niet worden geschreven") }
        return sleutel.publicKey
    }

    /// Reads a private key file.
    public static func prive(pad: String) throws -> Curve25519.Signing.PrivateKey {
        guard let tekst = try? String(contentsOfFile: pad, encoding: .utf8) else { throw KeyError(description: "\(pad) kan niet worden gelezen") }
        guard let der = der(tekst, "PRIVATE KEY"), der.count == 48, Array(der.prefix(16)) == pkcs8Voorvoegsel,
              let sleutel = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        else { throw KeyError(description: "\(pad) is geen Ed25519-privésleutel (PKCS#8 PEM)") }
        return sleutel
    }

    /// Reads a public key file.
    public static func publiek(pad: String) throws -> Curve25519.Signing.PublicKey {
        guard let tekst = try? String(contentsOfFile: pad, encoding: .utf8) else { throw KeyError(description: "\(pad) kan niet worden gelezen") }
        guard let der = der(tekst, "PUBLIC KEY"), der.count == 44, Array(der.prefix(12)) == spkiVoorvoegsel,
              let sleutel = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else { throw KeyError(description: "\(pad) is geen Ed25519-publieke sleutel (PEM)") }
        return sleutel
    }
}
