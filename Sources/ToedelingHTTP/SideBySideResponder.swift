import Hummingbird
import Logging
import NIOCore

/// Serves two applications on one port, side by side: a request whose path the first claims goes to
/// it, every other request to the second. Each builds its own request context from the connection,
/// as if it were served alone, so neither knows of the other (the API and the web application).
public struct SideBySideResponder<First: HTTPResponder, Second: HTTPResponder>: HTTPResponder
where
    First.Context: InitializableFromSource<ApplicationRequestContextSource>,
    Second.Context: InitializableFromSource<ApplicationRequestContextSource>
{
    /// What the application hands each request: the connection's source, untouched.
    public struct Context: InitializableFromSource {
        // The source's parts (the source itself is not declared `Sendable`).
        let channel: any Channel
        let logger: Logger
        public init(source: ApplicationRequestContextSource) {
            self.channel = source.channel
            self.logger = source.logger
        }
        var source: ApplicationRequestContextSource { ApplicationRequestContextSource(channel: channel, logger: logger) }
    }

    let first: First
    let claims: @Sendable (String) -> Bool
    let second: Second

    /// `first` serves the paths `claims` holds true for, `second` the rest.
    public init(_ first: First, claims: @escaping @Sendable (String) -> Bool, otherwise second: Second) {
        self.first = first
        self.claims = claims
        self.second = second
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if claims(request.uri.path) {
            return try await first.respond(to: request, context: First.Context(source: context.source))
        }
        return try await second.respond(to: request, context: Second.Context(source: context.source))
    }
}
