import Foundation

extension Data {
    /// The base64url alphabet (RFC 4648 §5).
    private static let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Each byte's value in the base64url alphabet; 0xFF for a byte outside it.
    private static let base64URLValues: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in base64URLAlphabet.enumerated() { values[Int(byte)] = UInt8(index) }
        return values
    }()

    /// base64url without padding (RFC 4648 §5), as tokens, JOSE and PKCE write it. Written byte by
    /// byte: every sealed field of every stored event goes through here.
    public func base64URLEncodedString() -> String {
        let alphabet = Self.base64URLAlphabet
        var out = [UInt8]()
        out.reserveCapacity((count + 2) / 3 * 4)
        withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var index = 0
            while index + 3 <= raw.count {
                let n = UInt32(raw[index]) << 16 | UInt32(raw[index + 1]) << 8 | UInt32(raw[index + 2])
                out.append(alphabet[Int(n >> 18 & 63)])
                out.append(alphabet[Int(n >> 12 & 63)])
                out.append(alphabet[Int(n >> 6 & 63)])
                out.append(alphabet[Int(n & 63)])
                index += 3
            }
            switch raw.count - index {
            case 1:
                let n = UInt32(raw[index]) << 16
                out.append(alphabet[Int(n >> 18 & 63)])
                out.append(alphabet[Int(n >> 12 & 63)])
            case 2:
                let n = UInt32(raw[index]) << 16 | UInt32(raw[index + 1]) << 8
                out.append(alphabet[Int(n >> 18 & 63)])
                out.append(alphabet[Int(n >> 12 & 63)])
                out.append(alphabet[Int(n >> 6 & 63)])
            default:
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base64url, with or without padding; nil for anything else (a character outside the
    /// alphabet, a length no encoding has, padding that does not fit, or bits left over that are
    /// not zero).
    public init?(base64URLEncoded text: String) {
        var text = text
        guard let bytes = text.withUTF8({ Self.base64URLDecodedBytes(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = Data(bytes)
    }

    /// The bytes that the base64url text in `utf8` encodes, read as `init?(base64URLEncoded:)` reads
    /// it; for a text that is bytes already (a sealed string inside stored JSON).
    public static func base64URLDecodedBytes(_ utf8: UnsafeRawBufferPointer) -> [UInt8]? {
        var count = utf8.count
        if count % 4 == 0, count > 0, utf8[count - 1] == UInt8(ascii: "=") {
            count -= 1
            if count > 0, utf8[count - 1] == UInt8(ascii: "=") { count -= 1 }
        }
        let rest = count % 4
        guard rest != 1 else { return nil }
        let values = Self.base64URLValues
        var out = [UInt8]()
        out.reserveCapacity(count / 4 * 3 + 2)
        var index = 0
        func value(_ at: Int) -> UInt32? {
            let v = values[Int(utf8[at])]
            return v == 0xFF ? nil : UInt32(v)
        }
        while index + 4 <= count {
            guard let a = value(index), let b = value(index + 1), let c = value(index + 2), let d = value(index + 3) else { return nil }
            let n = a << 18 | b << 12 | c << 6 | d
            out.append(UInt8(n >> 16 & 0xFF))
            out.append(UInt8(n >> 8 & 0xFF))
            out.append(UInt8(n & 0xFF))
            index += 4
        }
        switch rest {
        case 2:
            guard let a = value(index), let b = value(index + 1), b & 0x0F == 0 else { return nil }
            out.append(UInt8((a << 2 | b >> 4) & 0xFF))
        case 3:
            guard let a = value(index), let b = value(index + 1), let c = value(index + 2), c & 0x03 == 0 else { return nil }
            let n = a << 18 | b << 12 | c << 6
            out.append(UInt8(n >> 16 & 0xFF))
            out.append(UInt8(n >> 8 & 0xFF))
        default:
            break
        }
        return out
    }
}
