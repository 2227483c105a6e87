/// JSON literals written by hand where the bytes matter (transfer lines, sealed event fields).
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
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20
                || (escapingInvisible && (scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029)):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
