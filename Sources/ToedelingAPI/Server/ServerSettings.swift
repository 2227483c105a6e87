import Logging

/// Everything `toedeling-server` is started with.
public struct ServerSettings: Sendable {
    /// Where to listen and which origins may call cross-origin.
    public var api: APIConfiguration
    /// A libpq connection string or URI; empty means libpq's `PG*` defaults.
    public var databaseURL: String
    /// The most database connections this instance opens.
    public var maximumConnections: Int
    /// The lowest level that is logged.
    public var logLevel: Logger.Level

    /// Creates settings.
    public init(api: APIConfiguration, databaseURL: String, maximumConnections: Int = 10, logLevel: Logger.Level = .info) {
        self.api = api
        self.databaseURL = databaseURL
        self.maximumConnections = maximumConnections
        self.logLevel = logLevel
    }
}
