import Foundation

/// The moment a report or state is asked "as recorded" for.
///
/// Written either as an exact UTC date-time, `2026-03-01T12:00:00Z` (events recorded at or before
/// it count), or as a date, `2026-03-01`: the end of that day in Europe/Amsterdam (events recorded
/// before the following local midnight count).
public struct Peildatum: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The bounding instant: the last one that counts when `inclusief`, else the first that no longer does.
    public let moment: Date
    /// Whether events recorded exactly at `moment` count (true for a date-time, false for a date).
    public let inclusief: Bool
    /// The text it was parsed from (or an ISO 8601 rendering of the instant).
    public let tekst: String

    /// A peildatum that includes everything recorded up to and including `moment`.
    public init(moment: Date) {
        self.init(moment: moment, inclusief: true, tekst: Peildatum.iso8601(moment))
    }

    /// A peildatum at the end of the given day in Europe/Amsterdam.
    public init(eindeVan datum: Kalenderdatum) {
        self.init(moment: AmsterdamseTijd.eindeVan(datum), inclusief: false, tekst: datum.description)
    }

    /// Nothing was recorded before 1970: an earlier moment asks the same as 1970 does, and stays
    /// within what the database's timestamps take.
    private init(moment: Date, inclusief: Bool, tekst: String) {
        self.moment = max(moment, Date(timeIntervalSince1970: 0))
        self.inclusief = inclusief
        self.tekst = tekst
    }

    /// Parses a date (`2026-03-01`) or an RFC 3339 date-time with zone (`2026-03-01T12:00:00Z`,
    /// `2026-03-01T13:00:00+01:00`, fractional seconds allowed, `T` and `Z` in either case); `nil`
    /// otherwise. A date needs a year of `Kalenderdatum.ondersteundeJaren`; a date-time any year of
    /// four digits (RFC 3339).
    public init?(_ tekst: String) {
        if let datum = Kalenderdatum(tekst) {
            guard Kalenderdatum.ondersteundeJaren.contains(datum.jaar) else { return nil }
            self.init(eindeVan: datum)
            return
        }
        guard let moment = Self.rfc3339(tekst) else { return nil }
        self.init(moment: moment, inclusief: true, tekst: tekst)
    }

    /// Parses the query parameter `peildatum`, reporting an invalid value as a field problem.
    public static func parse(_ tekst: String, veld: String = "peildatum") -> Result<Peildatum, InvalidInput> {
        guard let peildatum = Peildatum(tekst) else {
            return .failure(InvalidInput(
                veld,
                "is geen geldige datum of datum-tijd (verwacht JJJJ-MM-DD of JJJJ-MM-DDTuu:mm:ssZ, jaar tot en met 9999)"
            ))
        }
        return .success(peildatum)
    }

    /// The instant of an RFC 3339 date-time (`JJJJ-MM-DDTuu:mm:ss[.f…](Z|±uu:mm)`); a leap second
    /// counts as the last second of its minute.
    static func rfc3339(_ tekst: String) -> Date? {
        let bytes = Array(tekst.utf8)
        var index = 0
        func getal(_ cijfers: Int) -> Int? {
            guard index + cijfers <= bytes.count else { return nil }
            var waarde = 0
            for byte in bytes[index..<(index + cijfers)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                waarde = waarde * 10 + Int(byte - 0x30)
            }
            index += cijfers
            return waarde
        }
        func teken(_ toegestaan: String) -> UInt8? {
            guard index < bytes.count, toegestaan.utf8.contains(bytes[index]) else { return nil }
            index += 1
            return bytes[index - 1]
        }
        guard let jaar = getal(4), teken("-") != nil, let maand = getal(2), teken("-") != nil, let dag = getal(2),
              teken("Tt") != nil, let uur = getal(2), teken(":") != nil, let minuut = getal(2), teken(":") != nil,
              let seconde = getal(2),
              Kalenderdatum.bestaat(jaar: jaar, maand: maand, dag: dag), uur <= 23, minuut <= 59, seconde <= 60
        else { return nil }
        var microseconden = 0
        if teken(".") != nil {
            let begin = index
            var schaal = 100_000
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                microseconden += Int(bytes[index] - 0x30) * schaal
                schaal /= 10
                index += 1
            }
            guard index > begin else { return nil }
        }
        var verschuiving = 0
        if teken("Zz") == nil {
            guard let richting = teken("+-"), let uren = getal(2), teken(":") != nil,
                  let minuten = getal(2), uren <= 23, minuten <= 59
            else { return nil }
            verschuiving = (uren * 3600 + minuten * 60) * (richting == UInt8(ascii: "-") ? -1 : 1)
        }
        guard index == bytes.count else { return nil }
        let dagnummer = Kalenderdatum.dagnummer(jaar: jaar, maand: maand, dag: dag)
        let seconden = dagnummer * 86_400 + uur * 3600 + minuut * 60 + min(seconde, 59) - verschuiving
        return Date(timeIntervalSince1970: TimeInterval(seconden) + TimeInterval(microseconden) / 1_000_000)
    }

    /// Whether an event recorded at `recordedAt` had been recorded by this peildatum.
    public func omvat(_ recordedAt: Date) -> Bool {
        inclusief ? recordedAt <= moment : recordedAt < moment
    }

    /// The text of the peildatum.
    public var description: String { tekst }

    /// The instant as an RFC 3339 date-time in UTC, whole seconds.
    public static func iso8601(_ moment: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: moment)
    }
}
