import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Dossiers
import Taaktoedeling

/// Reading JSON bodies and writing JSON responses the same way everywhere: instants in UTC (ISO 8601),
/// keys sorted so that equal values give equal bytes.
enum APIJSON {
    static func encoder() -> JSONEncoder {
        DossierWeergave.encoder()
    }

    /// The body as a `JSONValue`; an empty body is an empty object, anything unreadable is a 400.
    /// Read by `JSONValue(parsing:)` (no Foundation on a command's path); what that refuses and
    /// Foundation reads (a trailing comma, UTF-16) is read by Foundation, as every body was before.
    static func body(of request: Request) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: APIVersion.maximumBodySize)
        guard buffer.readableBytes > 0 else { return .object([:]) }
        if let value = try? buffer.withUnsafeReadableBytes({ try JSONValue(parsing: $0) }) { return value }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw Problem.undecodableBody()
        }
    }

    /// A response with JSON bytes rendered before (a stored view).
    static func response(rendered document: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = MediaTypes.json
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    /// A JSON response.
    static func response(
        _ value: some Encodable,
        status: HTTPResponse.Status = .ok,
        headers: HTTPFields = [:]
    ) throws -> Response {
        var headers = headers
        headers[.contentType] = MediaTypes.json
        return Response(
            status: status,
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder().encode(value)))
        )
    }
}
