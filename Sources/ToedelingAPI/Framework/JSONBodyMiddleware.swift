import Foundation
import HTTPTypes
import Hummingbird
import ToedelingHTTP

/// For POST, PUT and PATCH: refuses bodies over 1 MiB (413, read with that limit, never buffered unbounded)
/// and bodies that are not `application/json` (POST) or `application/merge-patch+json` (PATCH) with
/// 415; then hands the buffered body on.
/// A route that streams its body (`RegisteredRoute.streamsBody`) reads it itself.
struct JSONBodyMiddleware: RouterMiddleware {
    let registry: RouteRegistry

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch,
              registry.route(endpointPath: context.endpointPath, method: request.method)?.streamsBody != true
        else {
            return try await next(request, context)
        }
        if let declaredLength = request.headers[.contentLength].flatMap(Int.init), declaredLength > APIVersion.maximumBodySize {
            throw Problem.contentTooLarge
        }
        var request = request
        let body = try await request.collectBody(upTo: APIVersion.maximumBodySize)
        let contentType = request.headers[.contentType]
        let accepted = request.method == .patch ? MediaTypes.mergePatchJSON : MediaTypes.json
        if contentType != nil || body.readableBytes > 0 || request.method == .patch || request.method == .put {
            guard let contentType, Self.essence(of: contentType) == accepted else {
                throw request.method == .patch ? Problem.unsupportedMergePatch : Problem.unsupportedMediaType
            }
        }
        return try await next(request, context)
    }

    /// Whether a `Content-Type` value names `application/json` (parameters such as charset allowed).
    static func isJSON(_ contentType: String) -> Bool {
        essence(of: contentType) == MediaTypes.json
    }

    /// The media type of a `Content-Type` value without parameters, in lower case.
    static func essence(of contentType: String) -> String {
        // What clients send nearly always, answered without splitting, trimming or case mapping.
        if contentType == MediaTypes.json || contentType == MediaTypes.mergePatchJSON { return contentType }
        let essence = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return essence.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
