import Configuration
@testable import toedeling_server

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
