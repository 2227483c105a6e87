import Foundation

/// Converts between `Date` and PostgreSQL's ISO timestamp text (`2026-11-29 02:25:00.123456+00`),
/// exactly to the microsecond, without `DateFormatter` and independent of the locale.
enum PostgresTimestamp {
    private static let microsecondsPerSecond: Int64 = 1_000_000
    private static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond
    /// Seconds from 1970-01-01 to 2001-01-01, `Date`'s reference date.
    private static let unixToReferenceSeconds: Int64 = 978_307_200

    /// Microseconds since 1970-01-01 00:00 UTC, rounded to the nearest microsecond.
    static func microsecondsSince1970(_ date: Date) -> Int64 {
        let sinceReference = Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded())
        return sinceReference + unixToReferenceSeconds * microsecondsPerSecond
    }

    /// The date at the given number of microseconds since 1970-01-01 00:00 UTC.
    static func date(microsecondsSince1970 micros: Int64) -> Date {
        let sinceReference = micros - unixToReferenceSeconds * microsecondsPerSecond
        return Date(timeIntervalSinceReferenceDate: Double(sinceReference) / 1_000_000)
    }

    /// The date in UTC as `YYYY-MM-DD HH:MM:SS.ffffff+00`.
    static func format(_ date: Date) -> String {
        let micros = microsecondsSince1970(date)
        let days = floorDivide(micros, microsecondsPerDay)
        var rest = micros - days * microsecondsPerDay
        let (year, month, day) = civilDate(daysSince1970: days)
        let hour = rest / (3600 * microsecondsPerSecond)
        rest -= hour * 3600 * microsecondsPerSecond
        let minute = rest / (60 * microsecondsPerSecond)
        rest -= minute * 60 * microsecondsPerSecond
        let second = rest / microsecondsPerSecond
        let fraction = rest - second * microsecondsPerSecond
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(fraction, 6))+00"
    }

    /// Microseconds since 1970 for PostgreSQL's ISO output of `timestamptz` (any UTC offset) or
    /// `timestamp` (taken as UTC); nil when the text is not in that form.
    static func parseMicroseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var scanner = DigitScanner(bytes: text)
        if text.elementsEqual("infinity".utf8) { return Int64.max }
        if text.elementsEqual("-infinity".utf8) { return Int64.min }
        guard let year = scanner.number(digits: 4...), scanner.skip("-"),
              let month = scanner.number(digits: 2...2), scanner.skip("-"),
              let day = scanner.number(digits: 2...2), scanner.skip(" "),
              let hour = scanner.number(digits: 2...2), scanner.skip(":"),
              let minute = scanner.number(digits: 2...2), scanner.skip(":"),
              let second = scanner.number(digits: 2...2)
        else { return nil }
        var fraction: Int64 = 0
        if scanner.skip(".") {
            let start = scanner.index
            guard let digits = scanner.number(digits: 1...6) else { return nil }
            let count = scanner.index - start
            fraction = digits
            for _ in count..<6 { fraction *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if let sign = scanner.sign() {
            guard let offsetHours = scanner.number(digits: 2...2) else { return nil }
            var offset = offsetHours * 3600
            if scanner.skip(":") {
                guard let offsetMinutes = scanner.number(digits: 2...2) else { return nil }
                offset += offsetMinutes * 60
                if scanner.skip(":") {
                    guard let offsetSecs = scanner.number(digits: 2...2) else { return nil }
                    offset += offsetSecs
                }
            }
            offsetSeconds = sign * offset
        }
        guard scanner.isAtEnd else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * microsecondsPerSecond + fraction
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, after H. Hinnant's algorithms)

    private static func civilDate(daysSince1970: Int64) -> (Int64, Int64, Int64) {
        let z = daysSince1970 + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Reads decimal fields and separators from ASCII bytes.
private struct DigitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func number(digits allowed: PartialRangeFrom<Int>) -> Int64? {
        number(minimum: allowed.lowerBound, maximum: 18)
    }

    mutating func number(digits allowed: ClosedRange<Int>) -> Int64? {
        number(minimum: allowed.lowerBound, maximum: allowed.upperBound)
    }

    private mutating func number(minimum: Int, maximum: Int) -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, count < maximum, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int64(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count >= minimum ? value : nil
    }
}

extension Date {
    /// This instant as a `timestamptz` keeps it and a read gives it back: to the microsecond.
    public var postgresInstant: Date {
        PostgresTimestamp.date(microsecondsSince1970: PostgresTimestamp.microsecondsSince1970(self))
    }
}
