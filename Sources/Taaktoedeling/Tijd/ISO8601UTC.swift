#if canImport(Glibc)
import Glibc
#endif

/// An instant written by hand as ISO 8601 in UTC (`2026-12-01T09:30:00Z`, or with `.123` before the
/// `Z`): for what writes one per row or per line (the JSON writer, log lines), where Foundation's
/// formatter would cost more than the rest.
public enum ISO8601UTC {
    /// Appends the second `seconds` after 1970 (with `milliseconds` when given); false, and nothing
    /// appended, for a year outside 0001–9999.
    @discardableResult
    public static func append(seconds: Int, milliseconds: Int? = nil, to out: inout [UInt8]) -> Bool {
        guard seconds >= -62_135_596_800, seconds < 253_402_300_800 else { return false }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        if let milliseconds {
            out.append(UInt8(ascii: "."))
            digits(min(999, max(0, milliseconds)), 3)
        }
        out.append(UInt8(ascii: "Z"))
        return true
    }
}
