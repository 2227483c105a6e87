import Foundation

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal digits, two a byte: the one spelling of a hash in the product.
    public var hexadecimaal: String {
        let cijfers = Array("0123456789abcdef".utf8)
        var uit: [UInt8] = []
        uit.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            uit.append(cijfers[Int(byte >> 4)])
            uit.append(cijfers[Int(byte & 0x0F)])
        }
        return String(decoding: uit, as: UTF8.self)
    }
}

extension Data {
    /// The bytes of an even number of hexadecimal digits (either case); nil for anything else.
    public init?(hexadecimaal tekst: String) {
        let cijfers = Array(tekst.utf8)
        guard cijfers.count % 2 == 0 else { return nil }
        func waarde(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var bytes = Data(capacity: cijfers.count / 2)
        var index = 0
        while index < cijfers.count {
            guard let hoog = waarde(cijfers[index]), let laag = waarde(cijfers[index + 1]) else { return nil }
            bytes.append(hoog << 4 | laag)
            index += 2
        }
        self = bytes
    }
}

extension UUID {
    /// A random id (RFC 9562 version 4) from the system's generator in one call: Foundation's
    /// `UUID()` opens, reads and closes `/dev/urandom` for every id (3.6 µs against 0.5), which was
    /// 2–5 % of a request's CPU where every request makes one (its id) and every command another.
    public static func willekeurig() -> UUID {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { bytes in
            arc4random_buf(bytes.baseAddress!, bytes.count)
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
        }
        return UUID(uuid: value)
    }

    /// The 36 characters of RFC 9562 in lower case (the product's one spelling of an id), written
    /// without Foundation's formatter and a lower-casing pass: ids are written for every row.
    public var lowercasedString: String { text(digits: UUID.lowercaseDigits) }

    /// `uuidString`'s upper-case spelling, written directly.
    var uppercasedString: String { text(digits: UUID.uppercaseDigits) }

    private static let lowercaseDigits = Array("0123456789abcdef".utf8)
    private static let uppercaseDigits = Array("0123456789ABCDEF".utf8)

    private func text(digits: [UInt8]) -> String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    out[position] = digits[Int(bytes[index] >> 4)]
                    out[position + 1] = digits[Int(bytes[index] & 0x0F)]
                    position += 2
                }
                return 36
            }
        }
    }

    /// The id in `text`: 36 characters, hexadecimal digits of either case with hyphens after the 8th,
    /// 12th, 16th and 20th (what `UUID(uuidString:)` accepts), read without Foundation's parser.
    public init?(text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// The id in the UTF-8 bytes of a text, as `init?(text:)` reads it.
    public init?<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
        guard text.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let read = withUnsafeMutableBytes(of: &value) { bytes in
            var index = 0
            var high: UInt8?
            var count = 0
            for character in text {
                count += 1
                if count == 9 || count == 14 || count == 19 || count == 24 {
                    guard character == UInt8(ascii: "-") else { return false }
                    continue
                }
                let digit: UInt8
                switch character {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = character - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = character - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = character - UInt8(ascii: "A") + 10
                default: return false
                }
                if let first = high {
                    bytes[index] = first << 4 | digit
                    index += 1
                    high = nil
                } else {
                    high = digit
                }
            }
            return true
        }
        guard read else { return nil }
        self = UUID(uuid: value)
    }
}
