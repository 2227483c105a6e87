/// One problem with one field of the request, as listed in a 400 problem's `invalidParams`.
public struct InvalidParam: Codable, Sendable, Equatable {
    /// The field's name (a JSON path such as `taakkenmerken.schaal`, or a query parameter).
    public var name: String
    /// Why the value was refused, in Dutch.
    public var reason: String

    /// Creates one invalid-parameter entry.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
