import Foundation

/// Reads the fields of one JSON object, collecting every problem instead of stopping at the first.
struct FieldReader {
    private let velden: [String: JSONValue]
    private let prefix: String
    private var gelezen: Set<String> = []
    /// The problems found so far.
    private(set) var problemen: [FieldProblem] = []
    /// Whether the value read is an object at all (if not, its only problem is that).
    let isObject: Bool

    /// Starts reading `waarde`, which must be an object; nested field names get `prefix.` in front.
    init(_ waarde: JSONValue, prefix: String = "") {
        self.prefix = prefix
        if case .object(let velden) = waarde {
            self.velden = velden
            self.isObject = true
        } else {
            self.velden = [:]
            self.isObject = false
            problemen.append(FieldProblem(name: prefix.isEmpty ? "body" : prefix, reason: "moet een JSON-object zijn (gevonden: \(waarde.soortNaam))"))
        }
    }

    /// The full name of a field.
    func naam(_ veld: String) -> String { prefix.isEmpty ? veld : "\(prefix).\(veld)" }

    /// Records a problem with a field.
    mutating func meld(_ veld: String, _ reden: String) {
        problemen.append(FieldProblem(name: naam(veld), reason: reden))
    }

    /// Whether a problem has been reported for the field already.
    func heeftProbleem(_ volledigeNaam: String) -> Bool {
        problemen.contains { $0.name == volledigeNaam }
    }

    /// The raw value of a field; `nil` when absent or `null` (reported when required).
    mutating func waarde(_ veld: String, verplicht: Bool) -> JSONValue? {
        gelezen.insert(veld)
        guard let waarde = velden[veld], waarde != .null else {
            if verplicht { meld(veld, "is verplicht") }
            return nil
        }
        return waarde
    }

    /// A non-empty string field.
    mutating func tekst(_ veld: String, verplicht: Bool = true) -> String? {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        guard case .string(let tekst) = waarde else {
            meld(veld, "moet een tekst zijn (gevonden: \(waarde.soortNaam))")
            return nil
        }
        if let probleem = Tekstregels.probleem(in: tekst) {
            meld(veld, probleem)
            return nil
        }
        if Tekstregels.isLeeg(tekst) {
            meld(veld, "mag niet leeg zijn")
            return nil
        }
        return tekst
    }

    /// A boolean field.
    mutating func boolean(_ veld: String, verplicht: Bool = true) -> Bool? {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        guard case .bool(let bool) = waarde else {
            meld(veld, "moet true of false zijn (gevonden: \(waarde.soortNaam))")
            return nil
        }
        return bool
    }

    /// An integer field.
    mutating func geheelGetal(_ veld: String, verplicht: Bool = true) -> Int? {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        guard case .integer(let getal) = waarde, let geheel = Int(exactly: getal) else {
            meld(veld, "moet een geheel getal zijn (gevonden: \(waarde.soortNaam))")
            return nil
        }
        return geheel
    }

    /// A field holding one of the raw values of `E`.
    mutating func keuze<E: RawRepresentable & CaseIterable>(_ veld: String, _ soort: E.Type, verplicht: Bool = true) -> E? where E.RawValue == String {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        return keuze(waarde, veld: veld, soort)
    }

    /// A date field `JJJJ-MM-DD`.
    mutating func datum(_ veld: String, verplicht: Bool = true) -> Kalenderdatum? {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        guard case .string(let tekst) = waarde else {
            meld(veld, "moet een datum zijn als tekst JJJJ-MM-DD (gevonden: \(waarde.soortNaam))")
            return nil
        }
        guard let datum = Kalenderdatum(tekst), Kalenderdatum.ondersteundeJaren.contains(datum.jaar) else {
            meld(veld, "is geen geldige datum: \"\(Tekstregels.onschadelijk(tekst))\" (verwacht JJJJ-MM-DD, jaar 0001 tot en met 9999)")
            return nil
        }
        return datum
    }

    /// A list field of raw values of `E`; every wrong element is reported.
    mutating func lijst<E: RawRepresentable & CaseIterable>(_ veld: String, _ soort: E.Type, verplicht: Bool = true) -> [E]? where E.RawValue == String {
        guard let waarde = waarde(veld, verplicht: verplicht) else { return nil }
        guard case .array(let elementen) = waarde else {
            meld(veld, "moet een lijst zijn (gevonden: \(waarde.soortNaam))")
            return nil
        }
        var resultaat: [E] = []
        var goed = true
        for (index, element) in elementen.enumerated() {
            if let gekozen = keuze(element, veld: "\(veld)[\(index)]", soort) { resultaat.append(gekozen) } else { goed = false }
        }
        return goed ? resultaat : nil
    }

    /// Reports every field that was present but never read, by name.
    mutating func sluitAf() {
        for veld in velden.keys.sorted() where !gelezen.contains(veld) {
            meld(veld, "is geen bekend veld")
        }
    }

    private mutating func keuze<E: RawRepresentable & CaseIterable>(_ waarde: JSONValue, veld: String, _ soort: E.Type) -> E? where E.RawValue == String {
        let toegestaan = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let tekst) = waarde else {
            meld(veld, "moet een tekst zijn, een van: \(toegestaan) (gevonden: \(waarde.soortNaam))")
            return nil
        }
        guard let gekozen = E(rawValue: tekst) else {
            meld(veld, "onbekende waarde \"\(tekst)\"; toegestaan: \(toegestaan)")
            return nil
        }
        return gekozen
    }
}

extension FieldReader {
    /// Records a problem that already carries its full name (from a nested reader).
    mutating func meldVolledig(_ probleem: FieldProblem) {
        problemen.append(probleem)
    }
}
