/// A retention period as an ISO 8601 duration of years, months, weeks and days (`P10Y`, `P6M`,
/// `P1Y6M`, `P0D`), as the selectielijst and MDTO write it.
public struct Bewaartermijn: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Whole years.
    public let jaren: Int
    /// Whole months.
    public let maanden: Int
    /// Whole days (weeks counted as 7 days).
    public let dagen: Int
    /// The text as given (`P10Y`).
    public let description: String

    /// Reads `PnYnMnWnD` (at least one part, no time part); nil for anything else.
    public init?(_ tekst: String) {
        guard tekst.hasPrefix("P"), tekst.count > 1, tekst.count <= 20 else { return nil }
        var jaren = 0, maanden = 0, dagen = 0
        var getal = ""
        var gezien = ""
        for teken in tekst.dropFirst() {
            if teken.isASCII, teken.isNumber {
                getal.append(teken)
                continue
            }
            guard let waarde = Int(getal), getal.count <= 5, !gezien.contains(teken) else { return nil }
            let volgorde = "YMWD"
            guard let plaats = volgorde.firstIndex(of: teken), gezien.allSatisfy({ volgorde.firstIndex(of: $0)! < plaats }) else { return nil }
            switch teken {
            case "Y": jaren = waarde
            case "M": maanden = waarde
            case "W": dagen += 7 * waarde
            default: dagen += waarde
            }
            gezien.append(teken)
            getal = ""
        }
        guard getal.isEmpty, !gezien.isEmpty else { return nil }
        self.jaren = jaren
        self.maanden = maanden
        self.dagen = dagen
        self.description = tekst
    }

    /// The date this long after `datum` (a month past its last day ends on that month's last day).
    public func na(_ datum: Kalenderdatum) -> Kalenderdatum {
        var jaar = datum.jaar + jaren
        var maand = datum.maand + maanden
        jaar += (maand - 1) / 12
        maand = (maand - 1) % 12 + 1
        var dag = datum.dag
        while Kalenderdatum(jaar: jaar, maand: maand, dag: dag) == nil, dag > 28 { dag -= 1 }
        guard let basis = Kalenderdatum(jaar: min(jaar, 9999), maand: maand, dag: dag) else { return datum }
        return Kalenderdatum(dagnummer: basis.dagnummer + dagen)
    }

    public init(from decoder: any Decoder) throws {
        let tekst = try decoder.singleValueContainer().decode(String.self)
        guard let termijn = Bewaartermijn(tekst) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "geen ISO 8601-duur: \(tekst)"))
        }
        self = termijn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
