/// What a request with an `Idempotency-Key` finds when it tries to claim the key.
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is this request's now: process it and store the response.
    case claimed
    /// The same request was answered before: replay this.
    case completed(StoredResponse)
    /// The key was used for another request.
    case mismatch
    /// The same request is being processed by someone else right now.
    case inProgress
}
