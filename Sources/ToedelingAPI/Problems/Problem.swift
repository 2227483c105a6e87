import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: every error response of the API is one of these, as `application/problem+json`.
public struct Problem: Error, HTTPResponseError, Sendable {
    /// A URI naming the kind of problem (`about:blank` when the status says it all).
    public var type: String
    /// A short, fixed summary of the kind of problem.
    public var title: String
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What went wrong with this request, for a person; never internal text.
    public var detail: String
    /// The field problems of a 400.
    public var invalidParams: [InvalidParam]
    /// Extra response headers such as `Allow` or `WWW-Authenticate`.
    public var headers: HTTPFields

    /// Creates a problem.
    public init(
        type: String = "about:blank",
        title: String,
        status: HTTPResponse.Status,
        detail: String,
        invalidParams: [InvalidParam] = [],
        headers: HTTPFields = [:]
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.invalidParams = invalidParams
        self.headers = headers
    }

    /// Renders the problem as `application/problem+json`, naming the request path as `instance`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let document = ProblemDocument(
            type: type,
            title: title,
            status: status.code,
            detail: detail,
            instance: request.uri.path,
            invalidParams: invalidParams.isEmpty ? nil : invalidParams
        )
        var responseHeaders = headers
        responseHeaders[.contentType] = MediaTypes.problemJSON
        return Response(
            status: status,
            headers: responseHeaders,
            body: .init(byteBuffer: ByteBuffer(bytes: try APIJSON.encoder().encode(document)))
        )
    }
}
