/// The human number of a dossier, `TT-<year>-<4 digits>`, e.g. `TT-2026-0001`.
///
/// The volgnummer comes from a database sequence per year; the domain only formats and parses it.
public struct Kenmerk: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The year the dossier was opened.
    public let jaar: Int
    /// The sequence number within the year, 1…9999.
    public let volgnummer: Int

    /// Creates a kenmerk; `nil` when the year is not four digits or the number is outside 1…9999.
    public init?(jaar: Int, volgnummer: Int) {
        guard (1000...9999).contains(jaar), (1...9999).contains(volgnummer) else { return nil }
        self.jaar = jaar
        self.volgnummer = volgnummer
    }

    /// Parses `TT-2026-0001`; `nil` for anything else.
    public init?(_ tekst: String) {
        let delen = tekst.split(separator: "-", omittingEmptySubsequences: false)
        guard delen.count == 3, delen[0] == "TT",
              delen[1].count == 4, delen[2].count == 4,
              delen[1].allSatisfy(\.isASCIIDigit), delen[2].allSatisfy(\.isASCIIDigit),
              let jaar = Int(delen[1]), let nummer = Int(delen[2])
        else { return nil }
        self.init(jaar: jaar, volgnummer: nummer)
    }

    /// The formatted kenmerk, `TT-2026-0001`.
    public var description: String {
        "TT-\(jaar)-" + String(repeating: "0", count: max(0, 4 - String(volgnummer).count)) + String(volgnummer)
    }

    /// Orders by year, then number.
    public static func < (lhs: Kenmerk, rhs: Kenmerk) -> Bool {
        (lhs.jaar, lhs.volgnummer) < (rhs.jaar, rhs.volgnummer)
    }

    /// Decodes from the formatted string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let tekst = try container.decode(String.self)
        guard let kenmerk = Kenmerk(tekst) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Ongeldig kenmerk \(tekst)")
        }
        self = kenmerk
    }

    /// Encodes as the formatted string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
