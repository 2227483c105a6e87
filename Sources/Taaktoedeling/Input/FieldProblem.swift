/// One problem with one field of a request, for `invalidParams` in a problem+json answer.
public struct FieldProblem: Codable, Sendable, Equatable, Hashable {
    /// The field's name; nested fields are dotted, e.g. `taakkenmerken.schaal`.
    public var name: String
    /// What is wrong, in Dutch.
    public var reason: String

    /// Creates a problem.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
