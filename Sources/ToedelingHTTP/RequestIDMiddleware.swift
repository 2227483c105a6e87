import Foundation
import HTTPTypes
import Hummingbird
import Taaktoedeling

/// Takes a sane incoming `X-Request-ID` or makes a UUID, puts it in the logger metadata and the context
/// (it becomes the correlation id of events) and returns it in the response.
public struct RequestIDMiddleware<Context: IdentifiedRequestContext>: RouterMiddleware {
    /// The middleware.
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let requestID = request.headers[.requestID].flatMap(Self.acceptable) ?? UUID.willekeurig().lowercasedString
        context.requestID = requestID
        context.logger[metadataKey: "request.id"] = .string(requestID)
        var response = try await next(request, context)
        response.headers[.requestID] = requestID
        return response
    }

    /// An incoming id is kept when it is 1–128 characters of letters, digits and `-_.:`.
    public static func acceptable(_ candidate: String) -> String? {
        guard (1...128).contains(candidate.utf8.count) else { return nil }
        let allowed = candidate.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
        return allowed ? candidate : nil
    }
}
