/// What the API is told from outside: which browser origins may call it, and whether it is reached
/// over TLS (then it sends `Strict-Transport-Security`).
public struct APIConfiguration: Sendable {
    /// The origins allowed cross-origin access (exact match, e.g. `https://portaal.example.nl`).
    public var corsOrigins: [String]
    /// The `Strict-Transport-Security` header to send, when the server is reached over TLS; nil
    /// sends none.
    public var strictTransportSecurity: String?

    /// Creates a configuration.
    public init(corsOrigins: [String] = [], strictTransportSecurity: String? = nil) {
        self.corsOrigins = corsOrigins
        self.strictTransportSecurity = strictTransportSecurity
    }
}
