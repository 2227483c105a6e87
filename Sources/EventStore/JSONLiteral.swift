/// JSON literals written by hand where the bytes matter (transfer lines, sealed event fields, log
/// lines).
public enum JSONLiteral {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func string(_ text: String) -> String {
        var quoted = ""
        append(text, to: &quoted)
        return quoted
    }

    /// Appends `text` as a JSON string literal (RFC 8259 §7): quotes, backslashes and control
    /// characters escaped; with `escapingInvisible` also DEL, the C1 controls and the line and
    /// paragraph separators (for log lines that end up in other programs).
    public static func append(_ text: String, to out: inout String, escapingInvisible: Bool = false) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        append(text, to: &bytes, escapingInvisible: escapingInvisible)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The same as UTF-8 bytes, read byte by byte (a log line is built this way for every request).
    public static func append(_ text: String, to out: inout [UInt8], escapingInvisible: Bool = false) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20: appendEscape(UInt16(byte), to: &out)
                case 0x7F where escapingInvisible: appendEscape(0x7F, to: &out)
                case 0xC2 where escapingInvisible && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080–U+009F, the C1 controls.
                    appendEscape(UInt16(bytes[index + 1]), to: &out)
                    index += 1
                case 0xE2 where escapingInvisible && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029, the line and paragraph separators.
                    appendEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lower-case hex digits.
    private static func appendEscape(_ value: UInt16, to out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)],
                                digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
