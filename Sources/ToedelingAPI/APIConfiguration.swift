/// What the HTTP server is told from outside: where to listen and which browser origins may call it.
public struct APIConfiguration: Sendable {
    /// The address to bind.
    public var hostname: String
    /// The port to bind.
    public var port: Int
    /// The origins allowed cross-origin access (exact match, e.g. `https://portaal.example.nl`).
    public var corsOrigins: [String]

    /// Creates a configuration.
    public init(hostname: String = "127.0.0.1", port: Int = 8080, corsOrigins: [String] = []) {
        self.hostname = hostname
        self.port = port
        self.corsOrigins = corsOrigins
    }

    /// Parses `TOEDELING_CORS_ORIGINS`: a comma- or space-separated list of origins.
    public static func corsOrigins(fromEnvironmentValue value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
