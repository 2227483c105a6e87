import Dossiers
import Foundation
import Hummingbird
import Logging
import Notifications
import Prometheus
import Configuration
import ToedelingAPI
import ToedelingWeb
@testable import toedeling_server

extension APIDependencies {
    /// The API's dependencies over one pool as the server builds them, with the notifications
    /// module's subscription store.
    init(pool: DatabasePool, metrics: PrometheusCollectorRegistry, logger: Logger, clock: (@Sendable () -> Date)? = nil) {
        self.init(
            pool: pool, abonnementen: AbonnementStore(pool: pool, instellingen: NotificatieInstellingen()), metrics: metrics, logger: logger,
            clock: clock
        )
    }
}

/// The server's application (API and web side by side) over `dependencies`, with the API's and the
/// web application's settings and everything else at its default.
func buildApplication(
    configuration: APIConfiguration = APIConfiguration(), web: WebConfiguratie = WebConfiguratie(), dependencies: APIDependencies,
    gebruikers: GebruikerStore? = nil
) -> some ApplicationProtocol {
    var server = ServerConfiguration()
    server.api = configuration
    server.web = web
    return toedeling_server.buildApplication(configuration: server, dependencies: ServerDependencies(api: dependencies, gebruikers: gebruikers))
}

extension ServerConfiguration {
    /// The settings from `environment` alone, as the server reads them; throws `ConfigurationErrors`.
    static func from(_ environment: [String: String]) throws -> ServerConfiguration {
        try ServerConfiguration(reading: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment)))
    }

    /// The variables `environment` gets refused for, in the order they are reported; empty when
    /// it is accepted.
    static func refused(_ environment: [String: String]) -> [String] {
        do {
            _ = try from(environment)
            return []
        } catch let errors as ConfigurationErrors {
            return errors.errors.map(\.variable)
        } catch {
            return ["\(error)"]
        }
    }
}
