/// Reading the escapes of a JSON string (RFC 8259 §7).
public enum JSONStringEscapes {
    /// A string literal's inside (without its quotes) with its escapes resolved: `\" \\ \/ \b \f \n
    /// \r \t` and `\uXXXX` (a surrogate pair as one scalar, a lone surrogate as U+FFFD, or, when
    /// `strict`, nil as Foundation's decoder refuses it); nil for an escape JSON does not have.
    public static func unescaped(_ body: UnsafeRawBufferPointer, strict: Bool = false) -> String? {
        var result = String.UnicodeScalarView()
        var pending: [UInt8] = []
        pending.reserveCapacity(body.count)
        var at = 0
        func flush() {
            guard !pending.isEmpty else { return }
            result.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll(keepingCapacity: true)
        }
        func hex4(_ from: Int) -> UInt32? {
            guard from + 4 <= body.count else { return nil }
            var value: UInt32 = 0
            for byte in body[from..<(from + 4)] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while at < body.count {
            let byte = body[at]
            guard byte == UInt8(ascii: "\\") else {
                pending.append(byte)
                at += 1
                continue
            }
            guard at + 1 < body.count else { return nil }
            let kind = body[at + 1]
            at += 2
            switch kind {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): pending.append(kind)
            case UInt8(ascii: "b"): pending.append(0x08)
            case UInt8(ascii: "f"): pending.append(0x0C)
            case UInt8(ascii: "n"): pending.append(0x0A)
            case UInt8(ascii: "r"): pending.append(0x0D)
            case UInt8(ascii: "t"): pending.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(at) else { return nil }
                at += 4
                if (0xD800...0xDBFF).contains(code), at + 6 <= body.count, body[at] == UInt8(ascii: "\\"), body[at + 1] == UInt8(ascii: "u"),
                    let low = hex4(at + 2), (0xDC00...0xDFFF).contains(low)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    at += 6
                }
                if strict, (0xD800...0xDFFF).contains(code) { return nil }
                flush()
                result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: return nil
            }
        }
        flush()
        return String(result)
    }
}
