/// The JSON body of a problem response (RFC 9457 members plus `invalidParams`).
public struct ProblemDocument: Codable, Sendable, Equatable {
    /// A URI naming the kind of problem.
    public var type: String
    /// A short summary of the kind of problem.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What went wrong with this request.
    public var detail: String?
    /// The request path the problem occurred on.
    public var instance: String?
    /// The field problems of a 400.
    public var invalidParams: [InvalidParam]?
}
