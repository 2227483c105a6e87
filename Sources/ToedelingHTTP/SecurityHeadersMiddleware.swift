import HTTPTypes
import Hummingbird

/// The security headers of every response, the API's and the pages' alike: the given
/// Content-Security-Policy (after a route's own, such as a document's `sandbox`, which is kept), no
/// sniffing, no framing, no referrer, `Cache-Control: no-store` unless the route says otherwise
/// (the content-hashed style sheet is cached for a year), and `Strict-Transport-Security` when the
/// server is reached over TLS.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let contentSecurityPolicy: String
    let strictTransportSecurity: String?

    /// The headers with `contentSecurityPolicy` for every response; `strictTransportSecurity` nil
    /// sends none (plain HTTP).
    public init(contentSecurityPolicy: String, strictTransportSecurity: String?) {
        self.contentSecurityPolicy = contentSecurityPolicy
        self.strictTransportSecurity = strictTransportSecurity
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy].map { "\($0); \(contentSecurityPolicy)" }
            ?? contentSecurityPolicy
        response.headers[Self.xContentTypeOptions] = "nosniff"
        response.headers[Self.xFrameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if let strictTransportSecurity { response.headers[Self.strictTransportSecurity] = strictTransportSecurity }
        return response
    }

    static var xContentTypeOptions: HTTPField.Name { HTTPField.Name("X-Content-Type-Options")! }
    static var xFrameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }
    static var strictTransportSecurity: HTTPField.Name { HTTPField.Name("Strict-Transport-Security")! }
}
