import Testing
import ToedelingAPI

@Suite("HTTP connection settings")
struct ConnectionSettingsTests {
    @Test func theIdleTimeoutAndTheConnectionLimitComeFromTheEnvironmentWithinBounds() throws {
        let standaard = try APIConfiguration.connections(fromEnvironment: [:])
        #expect(standaard.idleTimeout == .seconds(30) && standaard.maximum == 4096)
        let gezet = try APIConfiguration.connections(fromEnvironment: ["TOEDELING_HTTP_IDLE_TIMEOUT": "90s", "TOEDELING_HTTP_MAX_CONNECTIONS": "20000"])
        #expect(gezet.idleTimeout == .seconds(90) && gezet.maximum == 20000)
        for (naam, waarde) in [
            ("TOEDELING_HTTP_IDLE_TIMEOUT", "0s"), ("TOEDELING_HTTP_IDLE_TIMEOUT", "2h"), ("TOEDELING_HTTP_IDLE_TIMEOUT", "lang"),
            ("TOEDELING_HTTP_MAX_CONNECTIONS", "8"), ("TOEDELING_HTTP_MAX_CONNECTIONS", "veel"),
        ] {
            do {
                _ = try APIConfiguration.connections(fromEnvironment: [naam: waarde])
                Issue.record("accepted \(naam)=\(waarde)")
            } catch let fout as ConfigurationError {
                #expect(fout.variable == naam)
            }
        }
    }
}
