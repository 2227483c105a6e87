import HTTPTypes

extension HTTPField.Name {
    /// `API-Version`: the contract version, on every response.
    static let apiVersion = HTTPField.Name("API-Version")!
    /// `Idempotency-Key`: makes a POST safe to retry.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `Accept-Patch` (RFC 5789): the patch formats a resource takes.
    static let acceptPatch = HTTPField.Name("Accept-Patch")!
    /// `X-Total-Count`: the number of elements of a paged list.
    static let totalCount = HTTPField.Name("X-Total-Count")!
    /// `Link` (RFC 8288).
    static let link = HTTPField.Name("Link")!
    /// `Idempotent-Replayed: true` marks a response replayed for an `Idempotency-Key`.
    static let reprDigest = HTTPField.Name("Repr-Digest")!
    /// `Idempotent-Replayed`.
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    /// `Toedeling-Compleet-Tot`: on a report, the moment before which every acknowledged command is in it.
    static let compleetTot = HTTPField.Name("Toedeling-Compleet-Tot")!
}
