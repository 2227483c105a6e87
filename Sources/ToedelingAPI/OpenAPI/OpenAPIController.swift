import Foundation
import Hummingbird

/// `GET /v1/openapi.json` (public): the OpenAPI 3.1 document of this API, a data file of the package
/// (`openapi.json`) served as its bytes. A test checks that its paths and methods are exactly the
/// routes the router registers, and schemathesis checks the server against it.
struct OpenAPIController {
    /// Where the document is served.
    static let path = "/v1/openapi.json"

    /// The document's bytes (read at start).
    let document: ByteBuffer?

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, Self.path, use: document)
    }

    @Sendable func document(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let document else { throw Problem.internalError }
        return Response(status: .ok, headers: [.contentType: MediaTypes.json], body: .init(byteBuffer: document))
    }
}
