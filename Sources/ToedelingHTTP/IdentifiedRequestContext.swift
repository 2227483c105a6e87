import HTTPTypes
import Hummingbird

/// A request context that carries the request id: from a sane incoming `X-Request-ID` or made
/// here, logged with every line and the correlation id of the events a request causes. The API's
/// and the web application's contexts both are one.
public protocol IdentifiedRequestContext: RequestContext {
    /// The request id; empty until `RequestIDMiddleware` has run.
    var requestID: String { get set }
}

extension HTTPField.Name {
    /// `X-Request-ID`: the request id, echoed on every response.
    public static let requestID = HTTPField.Name("X-Request-ID")!
}
