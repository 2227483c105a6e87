import Foundation
import HTTPTypes
import Hummingbird

/// For POST: refuses bodies over 1 MiB (413, read with that limit, never buffered unbounded) and bodies that
/// are not `application/json` (415); then hands the buffered body on.
struct JSONBodyMiddleware: RouterMiddleware {
    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else {
            return try await next(request, context)
        }
        if let declaredLength = request.headers[.contentLength].flatMap(Int.init), declaredLength > APIVersion.maximumBodySize {
            throw Problem.contentTooLarge
        }
        var request = request
        let body = try await request.collectBody(upTo: APIVersion.maximumBodySize)
        let contentType = request.headers[.contentType]
        if contentType != nil || body.readableBytes > 0 {
            guard let contentType, Self.isJSON(contentType) else {
                throw Problem.unsupportedMediaType
            }
        }
        return try await next(request, context)
    }

    /// Whether a `Content-Type` value names `application/json` (parameters such as charset allowed).
    static func isJSON(_ contentType: String) -> Bool {
        let essence = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return essence.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
