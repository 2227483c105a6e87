/// A calendar date without time, written `JJJJ-MM-DD` in JSON (a termijn, the date of a Kamerstuk).
public struct Kalenderdatum: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The year.
    public let jaar: Int
    /// The month, 1…12.
    public let maand: Int
    /// The day of the month.
    public let dag: Int

    /// Creates a date; `nil` when it does not exist in the Gregorian calendar.
    public init?(jaar: Int, maand: Int, dag: Int) {
        guard (1...9999).contains(jaar), (1...12).contains(maand),
              (1...Kalenderdatum.dagenInMaand(jaar: jaar, maand: maand)).contains(dag)
        else { return nil }
        self.jaar = jaar
        self.maand = maand
        self.dag = dag
    }

    /// The years a date from a client may fall in (a termijn, a Kamerstuk's date, a peildatum):
    /// what the product supports; outside them a date is refused as invalid input.
    public static let ondersteundeJaren = 1...9999

    /// Parses exactly `JJJJ-MM-DD`; `nil` for anything else or a date that does not exist.
    public init?(_ tekst: String) {
        let delen = tekst.split(separator: "-", omittingEmptySubsequences: false)
        guard delen.count == 3, delen[0].count == 4, delen[1].count == 2, delen[2].count == 2,
              delen.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let jaar = Int(delen[0]), let maand = Int(delen[1]), let dag = Int(delen[2])
        else { return nil }
        self.init(jaar: jaar, maand: maand, dag: dag)
    }

    /// The date as `JJJJ-MM-DD`.
    public var description: String {
        Self.opgevuld(jaar, breedte: 4) + "-" + Self.opgevuld(maand, breedte: 2) + "-" + Self.opgevuld(dag, breedte: 2)
    }

    /// The date in Dutch words, e.g. `1 maart 2026`.
    public var voluit: String {
        let maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                       "augustus", "september", "oktober", "november", "december"]
        return "\(dag) \(maanden[maand - 1]) \(jaar)"
    }

    /// Orders chronologically.
    public static func < (lhs: Kalenderdatum, rhs: Kalenderdatum) -> Bool {
        (lhs.jaar, lhs.maand, lhs.dag) < (rhs.jaar, rhs.maand, rhs.dag)
    }

    /// Decodes from `JJJJ-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let tekst = try container.decode(String.self)
        guard let datum = Kalenderdatum(tekst) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Ongeldige datum \(tekst)")
        }
        self = datum
    }

    /// Encodes as `JJJJ-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The day count since 1970-01-01 (proleptic Gregorian), for date arithmetic without a Calendar.
    public var dagnummer: Int { Self.dagnummer(jaar: jaar, maand: maand, dag: dag) }

    /// The day count since 1970-01-01 of any year, month (1…12) and day, without checking that the
    /// date exists.
    static func dagnummer(jaar: Int, maand: Int, dag: Int) -> Int {
        let y = maand <= 2 ? jaar - 1 : jaar
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (maand + 9) % 12
        let doy = (153 * mp + 2) / 5 + dag - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date with the given day count since 1970-01-01.
    public init(dagnummer: Int) {
        let z = dagnummer + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dag = doy - (153 * mp + 2) / 5 + 1
        let maand = mp < 10 ? mp + 3 : mp - 9
        self.jaar = yoe + era * 400 + (maand <= 2 ? 1 : 0)
        self.maand = maand
        self.dag = dag
    }

    /// Whether the day exists in the proleptic Gregorian calendar, for any year (also 0, as RFC 3339 has it).
    static func bestaat(jaar: Int, maand: Int, dag: Int) -> Bool {
        (1...12).contains(maand) && (1...dagenInMaand(jaar: jaar, maand: maand)).contains(dag)
    }

    private static func dagenInMaand(jaar: Int, maand: Int) -> Int {
        switch maand {
        case 2: (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func opgevuld(_ getal: Int, breedte: Int) -> String {
        let tekst = String(getal)
        return String(repeating: "0", count: max(0, breedte - tekst.count)) + tekst
    }
}
