/// Fixed facts of the published contract.
public enum APIVersion {
    /// The value of the `API-Version` header on every response.
    public static let current = "1.0.0"
    /// The largest accepted request body: 1 MiB.
    public static let maximumBodySize = 1 << 20
}
