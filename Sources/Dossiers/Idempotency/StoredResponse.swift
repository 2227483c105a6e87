import Foundation

/// The first response to an idempotent request, as kept for replay: status, the headers that matter and the body.
public struct StoredResponse: Sendable, Equatable {
    /// The headers kept and replayed.
    public static let keptHeaders = ["Location", "ETag", "Content-Type", "Link"]

    /// The HTTP status.
    public var status: Int
    /// The kept headers by name.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// A response to keep.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
