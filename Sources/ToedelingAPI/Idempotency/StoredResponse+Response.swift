import Dossiers
import HTTPTypes
import Hummingbird
import NIOCore

extension StoredResponse {
    /// The response as sent: the kept headers in a fixed order and the body.
    func response(replayed: Bool = false) -> Response {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        if replayed { fields[.idempotentReplayed] = "true" }
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
