import Foundation

/// The first response to an idempotent request, as kept for replay: status, the headers that matter and the body.
struct StoredResponse: Sendable, Equatable {
    /// The headers kept and replayed.
    static let keptHeaders = ["Location", "ETag", "Content-Type", "Link"]

    var status: Int
    var headers: [String: String]
    var body: Data
}
