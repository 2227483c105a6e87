import Hummingbird
import Taaktoedeling

/// The query parameters of a request, read by the domain's `ParameterReader` (the same reader the
/// web forms use): unknown or repeated parameters are input errors like unknown body fields;
/// problems are collected, then thrown together as a 400.
struct QueryParameters {
    private var lezer: ParameterReader

    init(_ request: Request, known: Set<String>) {
        lezer = ParameterReader(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, bekend: known)
    }

    /// Records a problem with a parameter.
    mutating func report(_ name: String, _ reason: String) { lezer.meld(name, reason) }

    /// A text parameter (an empty value counts as not given).
    mutating func text(_ name: String) -> String? { lezer.tekst(name) }

    /// An integer parameter within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? { lezer.geheelGetal(name, in: range) }

    /// A parameter holding one raw value of `E`.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        lezer.keuze(name, type)
    }

    /// A `peildatum`.
    mutating func peildatum(_ name: String = "peildatum") -> Peildatum? { lezer.peildatum(name) }

    /// A calendar date.
    mutating func datum(_ name: String) -> Kalenderdatum? { lezer.datum(name) }

    /// `page` (from 1) and `pageSize` (1…`maximumSize`).
    mutating func paging(defaultSize: Int = 20, maximumSize: Int = 100) -> Paging {
        Paging(page: integer("page", in: 1...1_000_000) ?? 1, pageSize: integer("pageSize", in: 1...maximumSize) ?? defaultSize)
    }

    /// Throws a 400 listing every problem found, if there is any.
    func validate() throws {
        if !lezer.problemen.isEmpty { throw Problem.invalidInput(lezer.problemen) }
    }
}
