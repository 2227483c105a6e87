import Hummingbird

/// `GET /v1/openapi.json` (public): the OpenAPI 3.1 document of this API.
struct OpenAPIController {
    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, "/v1/openapi.json", use: document)
    }

    @Sendable func document(_ request: Request, context: APIRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: MediaTypes.json],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json))
        )
    }
}
