/// Every problem found in a request at once.
public struct InvalidInput: Error, Codable, Sendable, Equatable, Hashable {
    /// The problems, in the order the fields were checked; unknown fields last, by name.
    public var problems: [FieldProblem]

    /// Creates the error.
    public init(problems: [FieldProblem]) {
        self.problems = problems
    }

    /// Creates the error for one field.
    public init(_ name: String, _ reason: String) {
        self.problems = [FieldProblem(name: name, reason: reason)]
    }
}
