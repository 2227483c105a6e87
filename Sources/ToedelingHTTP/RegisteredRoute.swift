import HTTPTypes

/// One route: a method, a Hummingbird path template such as `/v1/dossiers/:id`, and the media types
/// its successful answers can be had in (the first is the default).
public struct RegisteredRoute: Sendable, Hashable {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path template with `:name` parameters.
    public var template: String
    /// The media types the route answers with, for `Accept` (406 when none fits).
    public var produces: [String]
    /// Creates a route.
    public init(method: HTTPRequest.Method, template: String, produces: [String], streamsBody: Bool = false) {
        self.method = method
        self.template = template
        self.produces = produces
        self.streamsBody = streamsBody
    }

    /// Whether the handler reads the body itself as it streams in (a document upload), instead of
    /// the JSON body middleware collecting it first.
    public var streamsBody: Bool = false

    /// The template in OpenAPI notation (`/v1/dossiers/{id}`).
    public var openAPIPath: String {
        template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// Whether a concrete request path (without trailing slash) fits this template.
    public func matches(path: String) -> Bool {
        let templateSegments = template.split(separator: "/", omittingEmptySubsequences: false)
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard templateSegments.count == pathSegments.count else { return false }
        return zip(templateSegments, pathSegments).allSatisfy { expected, actual in
            expected.hasPrefix(":") ? !actual.isEmpty : expected == actual
        }
    }
}
