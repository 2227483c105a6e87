import Dossiers
import Foundation
import Hummingbird
import Logging
import Notifications
import Prometheus
import ToedelingAPI
import ToedelingWeb
@testable import toedeling_server

extension APIDependencies {
    /// The API's dependencies over one pool as the server builds them, with the notifications
    /// module's subscription store and live feed.
    public init(pool: DatabasePool, metrics: PrometheusCollectorRegistry, logger: Logger, clock: (@Sendable () -> Date)? = nil) {
        self.init(
            pool: pool, abonnementen: AbonnementStore(pool: pool, instellingen: NotificationSettings()),
            liveFeed: { LiveFeed(store: $0.store) }, metrics: metrics, logger: logger, clock: clock
        )
    }
}

/// The server's application (API and web side by side) over `dependencies`, with the API's and the
/// web application's settings, the web files beside the test binary, and everything else at its default.
public func buildApplication(
    configuration: APIConfiguration = APIConfiguration(), web: WebConfiguration = WebConfiguration(), dependencies: APIDependencies,
    gebruikers: GebruikerStore? = nil
) async throws -> some ApplicationProtocol {
    var server = ServerConfiguration()
    server.api = configuration
    server.web = web
    return toedeling_server.buildApplication(
        configuration: server, dependencies: ServerDependencies(api: dependencies, bestanden: try await WebResources.load(), gebruikers: gebruikers))
}

extension APIDependencies {
    /// The live feed as the notifications module's `LiveFeed` (what these dependencies are built with).
    public var notificationsLiveFeed: LiveFeed { liveFeed as! LiveFeed }
}
