/// What text from a client may contain, the same for every field of every front end.
///
/// Stored text ends up in PostgreSQL (which refuses NUL), in CSV and Markdown reports, in e-mails and
/// on an operator's terminal, so control characters are refused at the door: every C0 control but
/// tab, line feed and carriage return, DEL, and every C1 control. Lengths count Unicode scalars, so a
/// letter with a thousand combining marks is a thousand and one long.
public enum Tekstregels {
    /// The scalars a text counts as blank with: spaces, tabs and line breaks of Unicode (listed, not
    /// taken from a platform's idea of white space, so the OpenAPI pattern can say the same).
    public static let witruimte: Set<Unicode.Scalar> = Set(
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
            .compactMap(Unicode.Scalar.init) + (0x2000...0x200A).compactMap(Unicode.Scalar.init)
    )

    /// Whether a scalar may not appear in client text; with `regelovergangen` false (query
    /// parameters, single-line values) tab and line breaks are refused too.
    public static func isVerboden(_ scalar: Unicode.Scalar, regelovergangen: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: !regelovergangen
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// True when the text has no scalar other than white space.
    public static func isLeeg(_ tekst: String) -> Bool {
        tekst.unicodeScalars.allSatisfy { witruimte.contains($0) }
    }

    /// The length as the limits count it: Unicode scalars.
    public static func lengte(_ tekst: String) -> Int {
        tekst.unicodeScalars.count
    }

    /// Why the text may not be taken as it is (in Dutch), or nil when it may.
    public static func probleem(in tekst: String, regelovergangen: Bool = true) -> String? {
        guard let verboden = tekst.unicodeScalars.first(where: { isVerboden($0, regelovergangen: regelovergangen) }) else {
            return nil
        }
        return "bevat een niet-toegestaan stuurteken (\(codepunt(verboden)))"
    }

    /// The text with every control character but tab and line feed shown as `\u{…}`, for printing
    /// text that came from a client where a terminal would obey it (the admin CLI): no escape
    /// sequence, and no carriage return that would overwrite what was printed before.
    /// With `regelterugloop` a carriage return is kept too (a CSV report's CRLF line ends).
    public static func onschadelijk(_ tekst: String, regelterugloop: Bool = false) -> String {
        func gevaarlijk(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value != 0x09 && scalar.value != 0x0A && !(regelterugloop && scalar.value == 0x0D)
                && isVerboden(scalar, regelovergangen: false)
        }
        guard tekst.unicodeScalars.contains(where: gevaarlijk) else { return tekst }
        var uit = String.UnicodeScalarView()
        for scalar in tekst.unicodeScalars {
            if gevaarlijk(scalar) {
                uit.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                uit.append(scalar)
            }
        }
        return String(uit)
    }

    private static func codepunt(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
