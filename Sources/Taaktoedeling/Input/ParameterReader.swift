/// Reads named text values from a client — query parameters, and the fields of an HTML form —
/// checked against the names a request knows, collecting every problem instead of stopping at the
/// first (as `FieldReader` does for JSON bodies). Unknown or repeated names are problems; an empty
/// text, choice or date counts as not given (what a form sends for an empty field); control
/// characters, values that are no number, choice or date are problems.
public struct ParameterReader: Sendable {
    private let waarden: [String: String]
    /// The problems found so far, in the order found (unknown and repeated names first, by name).
    public var problemen: [FieldProblem]

    /// Starts reading `paren` (in the order sent) against the names in `bekend`.
    public init(_ paren: [(String, String)], bekend: Set<String>) {
        var waarden: [String: String] = [:]
        var problemen: [FieldProblem] = []
        for (naam, waarde) in paren {
            if !bekend.contains(naam) {
                problemen.append(FieldProblem(name: naam, reason: "is geen bekende parameter"))
            } else if waarden[naam] != nil {
                problemen.append(FieldProblem(name: naam, reason: "mag maar één keer voorkomen"))
            } else {
                waarden[naam] = waarde
            }
        }
        self.waarden = waarden
        self.problemen = problemen.sorted { $0.name < $1.name }
    }

    /// Records a problem with a value (a rule between values, say).
    public mutating func meld(_ naam: String, _ reden: String) {
        problemen.append(FieldProblem(name: naam, reason: reden))
    }

    /// A text value, single-line: no control characters at all.
    public mutating func tekst(_ naam: String) -> String? {
        guard let waarde = waarden[naam], !waarde.isEmpty else { return nil }
        if let probleem = Tekstregels.probleem(in: waarde, regelovergangen: false) {
            meld(naam, probleem)
            return nil
        }
        return waarde
    }

    /// A whole number within `bereik`; unlike text, an empty value is a problem (a number is never
    /// a form's empty field: it comes from a link).
    public mutating func geheelGetal(_ naam: String, in bereik: ClosedRange<Int>) -> Int? {
        guard let waarde = waarden[naam] else { return nil }
        guard !waarde.isEmpty, waarde.allSatisfy(\.isASCIIDigit), let getal = Int(waarde), bereik.contains(getal) else {
            meld(naam, "moet een geheel getal van \(bereik.lowerBound) tot en met \(bereik.upperBound) zijn")
            return nil
        }
        return getal
    }

    /// One of the raw values of `E`.
    public mutating func keuze<E: RawRepresentable & CaseIterable>(_ naam: String, _ soort: E.Type) -> E? where E.RawValue == String {
        guard let waarde = tekst(naam) else { return nil }
        guard let gekozen = E(rawValue: waarde) else {
            let toegestaan = E.allCases.map(\.rawValue).joined(separator: ", ")
            meld(naam, "onbekende waarde \"\(waarde)\"; toegestaan: \(toegestaan)")
            return nil
        }
        return gekozen
    }

    /// A peildatum: a date (end of that day, Europe/Amsterdam) or an exact date-time.
    public mutating func peildatum(_ naam: String = "peildatum") -> Peildatum? {
        guard let waarde = tekst(naam) else { return nil }
        switch Peildatum.parse(waarde, veld: naam) {
        case .success(let peildatum):
            return peildatum
        case .failure(let ongeldig):
            problemen.append(contentsOf: ongeldig.problems)
            return nil
        }
    }

    /// A calendar date `JJJJ-MM-DD` in the supported years.
    public mutating func datum(_ naam: String) -> Kalenderdatum? {
        guard let waarde = tekst(naam) else { return nil }
        guard let datum = Kalenderdatum(waarde), Kalenderdatum.ondersteundeJaren.contains(datum.jaar) else {
            meld(naam, "is geen geldige datum (verwacht JJJJ-MM-DD, jaar 0001 tot en met 9999)")
            return nil
        }
        return datum
    }

    /// Every problem at once as invalid input, if there is any.
    public func controleer() throws(InvalidInput) {
        if !problemen.isEmpty { throw InvalidInput(problems: problemen) }
    }
}
