import Hummingbird
import Taaktoedeling

/// The query parameters of a request, checked against the names an endpoint knows: unknown or repeated
/// parameters are input errors like unknown body fields. Problems are collected, then thrown together.
struct QueryParameters {
    private let values: [String: String]
    var problems: [InvalidParam] = []

    init(_ request: Request, known: Set<String>) {
        var values: [String: String] = [:]
        var problems: [InvalidParam] = []
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            if !known.contains(name) {
                problems.append(InvalidParam(name: name, reason: "is geen bekende queryparameter"))
            } else if values[name] != nil {
                problems.append(InvalidParam(name: name, reason: "mag maar één keer voorkomen"))
            } else {
                values[name] = String(value)
            }
        }
        self.values = values
        self.problems = problems.sorted { $0.name < $1.name }
    }

    /// A text parameter; an empty value counts as not given (what an HTML form sends for an empty
    /// field), control characters are a problem.
    mutating func text(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        if let problem = Tekstregels.probleem(in: value, regelovergangen: false) {
            problems.append(InvalidParam(name: name, reason: problem))
            return nil
        }
        return value
    }

    /// An integer parameter within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            problems.append(InvalidParam(name: name, reason: "moet een geheel getal van \(range.lowerBound) tot en met \(range.upperBound) zijn"))
            return nil
        }
        return number
    }

    /// A parameter holding one raw value of `E`.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let value = text(name) else { return nil }
        guard let choice = E(rawValue: value) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(InvalidParam(name: name, reason: "onbekende waarde \"\(value)\"; toegestaan: \(allowed)"))
            return nil
        }
        return choice
    }

    /// A `peildatum`: a date (end of that day, Europe/Amsterdam) or an exact date-time.
    mutating func peildatum(_ name: String = "peildatum") -> Peildatum? {
        guard let value = text(name) else { return nil }
        switch Peildatum.parse(value, veld: name) {
        case .success(let peildatum):
            return peildatum
        case .failure(let invalid):
            problems.append(contentsOf: invalid.problems)
            return nil
        }
    }

    /// A calendar date `JJJJ-MM-DD` in the supported years.
    mutating func datum(_ name: String) -> Kalenderdatum? {
        guard let value = text(name) else { return nil }
        guard let datum = Kalenderdatum(value), Kalenderdatum.ondersteundeJaren.contains(datum.jaar) else {
            problems.append(InvalidParam(name: name, reason: "is geen geldige datum (verwacht JJJJ-MM-DD, jaar 0001 tot en met 9999)"))
            return nil
        }
        return datum
    }

    /// `page` (from 1) and `pageSize` (1…`maximumSize`).
    mutating func paging(defaultSize: Int = 20, maximumSize: Int = 100) -> Paging {
        Paging(page: integer("page", in: 1...1_000_000) ?? 1, pageSize: integer("pageSize", in: 1...maximumSize) ?? defaultSize)
    }

    /// Throws a 400 listing every problem found, if there is any.
    func validate() throws {
        if !problems.isEmpty { throw Problem.invalidInput(problems) }
    }
}
