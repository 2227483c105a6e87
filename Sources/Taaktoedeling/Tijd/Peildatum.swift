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

    private init(moment: Date, inclusief: Bool, tekst: String) {
        self.moment = moment
        self.inclusief = inclusief
        self.tekst = tekst
    }

    /// Parses a date (`2026-03-01`) or a date-time with zone (`2026-03-01T12:00:00Z`,
    /// `2026-03-01T13:00:00+01:00`, fractional seconds allowed); `nil` otherwise.
    public init?(_ tekst: String) {
        if let datum = Kalenderdatum(tekst) {
            self.init(eindeVan: datum)
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let metFractie = ISO8601DateFormatter()
        metFractie.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard tekst.count >= 20, let moment = formatter.date(from: tekst) ?? metFractie.date(from: tekst) else { return nil }
        self.init(moment: moment, inclusief: true, tekst: tekst)
    }

    /// Parses the query parameter `peildatum`, reporting an invalid value as a field problem.
    public static func parse(_ tekst: String, veld: String = "peildatum") -> Result<Peildatum, InvalidInput> {
        guard let peildatum = Peildatum(tekst) else {
            return .failure(InvalidInput(veld, "is geen geldige datum of datum-tijd (verwacht JJJJ-MM-DD of JJJJ-MM-DDTuu:mm:ssZ)"))
        }
        return .success(peildatum)
    }

    /// Whether an event recorded at `recordedAt` had been recorded by this peildatum.
    public func omvat(_ recordedAt: Date) -> Bool {
        inclusief ? recordedAt <= moment : recordedAt < moment
    }

    /// The text of the peildatum.
    public var description: String { tekst }

    static func iso8601(_ moment: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: moment)
    }
}
