import Configuration
import Foundation
import Testing
import ToedelingAPI
import ToedelingWeb
@testable import toedeling_server

@Suite("Server configuration")
struct ServerConfigurationTests {
    @Test func theIdleTimeoutAndTheConnectionLimitComeFromTheEnvironmentWithinBounds() throws {
        let standaard = try ServerConfiguration.from([:])
        #expect(standaard.idleTimeout == .seconds(30) && standaard.maximumHTTPConnections == 4096)
        let gezet = try ServerConfiguration.from(["TOEDELING_HTTP_IDLE_TIMEOUT": "90s", "TOEDELING_HTTP_MAX_CONNECTIONS": "20000"])
        #expect(gezet.idleTimeout == .seconds(90) && gezet.maximumHTTPConnections == 20000)
        for (naam, waarde) in [
            ("TOEDELING_HTTP_IDLE_TIMEOUT", "0s"), ("TOEDELING_HTTP_IDLE_TIMEOUT", "2h"), ("TOEDELING_HTTP_IDLE_TIMEOUT", "lang"),
            ("TOEDELING_HTTP_MAX_CONNECTIONS", "8"), ("TOEDELING_HTTP_MAX_CONNECTIONS", "veel"),
        ] {
            #expect(ServerConfiguration.refused([naam: waarde]) == [naam], "\(naam)=\(waarde)")
        }
    }

    @Test func everyDefaultHoldsWithoutSettings() throws {
        let standaard = try ServerConfiguration.from([:])
        #expect(standaard.hostname == "127.0.0.1" && standaard.port == 8080)
        #expect(standaard.databaseURL == "" && standaard.reportDatabaseURL == nil && standaard.maximumConnections == 10)
        #expect(standaard.logLevel == .info && standaard.maximumEventStreams == 100 && standaard.maximumDocumentBytes == 100 * 1024 * 1024)
        #expect(standaard.idempotencyTimeToLive == .seconds(86_400))
        #expect(standaard.databaseLimits.poolWait == .seconds(5) && standaard.databaseLimits.lockTimeoutMilliseconds == 3000)
        #expect(standaard.api.corsOrigins.isEmpty && standaard.api.strictTransportSecurity == nil)
        #expect(standaard.web.veiligeCookies && !standaard.web.tweestapVerplicht && standaard.web.openID == nil)
        #expect(standaard.notifications.instellingen.publiekeURL == "http://127.0.0.1:8080")
        #expect(standaard.notifications.webhookLease == .seconds(30) && standaard.notifications.smtp == nil)
        #expect(standaard.zegels == nil && standaard.selectielijst != nil)
    }

    @Test func settingsAreReadWithTheirUnits() throws {
        let gezet = try ServerConfiguration.from([
            "TOEDELING_PORT": "9090", "TOEDELING_POOL_SIZE": "4", "TOEDELING_LOG_LEVEL": "Warning", "TOEDELING_LOCK_TIMEOUT": "500ms",
            "TOEDELING_IDEMPOTENCY_TTL": "2h", "TOEDELING_CORS_ORIGINS": "https://a.example, https://b.example",
            "TOEDELING_HSTS_MAX_AGE": "31536000", "TOEDELING_MFA": "verplicht", "TOEDELING_WEBHOOK_MAX_BACKOFF": "10m",
        ])
        #expect(gezet.port == 9090 && gezet.maximumConnections == 4 && gezet.logLevel == .warning)
        #expect(gezet.databaseLimits.lockTimeoutMilliseconds == 500 && gezet.idempotencyTimeToLive == .seconds(7200))
        #expect(gezet.api.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(gezet.api.strictTransportSecurity == "max-age=31536000; includeSubDomains")
        #expect(gezet.web.tweestapVerplicht && gezet.notifications.beleid.langsteWacht == .seconds(600))
        // The public address follows the port when it is not set.
        #expect(gezet.notifications.instellingen.publiekeURL == "http://127.0.0.1:9090")
    }

    @Test func everyWrongSettingIsReportedEachOnItsOwnLine() {
        let fout = ["TOEDELING_PORT": "tachtig", "TOEDELING_POOL_SIZE": "0", "TOEDELING_OIN": "123", "TOEDELING_MFA": "soms"]
        #expect(Set(ServerConfiguration.refused(fout)) == Set(fout.keys))
        do {
            _ = try ServerConfiguration.from(fout)
        } catch let errors as ConfigurationErrors {
            let regels = errors.description.split(separator: "\n")
            #expect(regels.count == 4)
            #expect(regels.contains("TOEDELING_POOL_SIZE must be a positive number"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theEnvironmentWinsOverTheConfigurationFile() async throws {
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: map) }
        let bestand = map.appendingPathComponent("toedeling.env").path
        try "# Toedeling\nTOEDELING_POOL_SIZE=7\nTOEDELING_OIN=00000001003214345000\nTOEDELING_SSE_MAX_STREAMS=12\n"
            .write(toFile: bestand, atomically: true, encoding: .utf8)
        let reader = try await ServerConfiguration.reader(environment: ["TOEDELING_SSE_MAX_STREAMS": "3"], file: bestand)
        let gelezen = try ServerConfiguration(reading: reader)
        #expect(gelezen.maximumConnections == 7 && gelezen.notifications.instellingen.oin == "00000001003214345000")
        #expect(gelezen.maximumEventStreams == 3)
        // The file may also be named in the environment; one that cannot be read is named.
        let viaOmgeving = try await ServerConfiguration.reader(environment: ["TOEDELING_CONFIG_FILE": bestand], file: nil)
        #expect(try ServerConfiguration(reading: viaOmgeving).maximumEventStreams == 12)
        do {
            _ = try await ServerConfiguration.reader(environment: [:], file: map.appendingPathComponent("ontbreekt.env").path)
            Issue.record("a missing file was accepted")
        } catch let errors as ConfigurationErrors {
            #expect(errors.errors.map(\.variable) == ["TOEDELING_CONFIG_FILE"])
        }
    }

    @Test func theFilesTheServerReadsAreSettingsToo() throws {
        let gezet = try ServerConfiguration.from([
            "TOEDELING_OPENAPI_FILE": "/srv/openapi.json", "TOEDELING_SCHEMA_DIR": "/srv/schema", "TOEDELING_WEB_DIR": "/srv/web",
        ])
        #expect(gezet.openAPIFile == "/srv/openapi.json" && gezet.schemaDirectory == "/srv/schema" && gezet.webDirectory == "/srv/web")
        let standaard = try ServerConfiguration.from([:])
        #expect(standaard.openAPIFile == nil && standaard.schemaDirectory == nil && standaard.webDirectory == nil)
    }

    @Test func theCommandLineWinsOverTheEnvironment() throws {
        let reader = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: ["TOEDELING_PORT": "9000", "TOEDELING_HOSTNAME": "0.0.0.0"]))
        let gelezen = try ServerConfiguration(reading: reader, hostname: "::1", port: 9001)
        #expect(gelezen.hostname == "::1" && gelezen.port == 9001)
    }

    @Test func theOpenIDSettingsComeFromTheEnvironmentAndAWrongOneIsNamed() throws {
        let basis = ["TOEDELING_OIDC_ISSUER": "https://idp.example.nl", "TOEDELING_OIDC_CLIENT_ID": "toedeling"]
        let web = try ServerConfiguration.from(basis.merging(["TOEDELING_PUBLIC_URL": "https://toedeling.example.nl"]) { $1 }).web
        #expect(web.openID?.redirectURI == "https://toedeling.example.nl/inloggen/oidc/terug")
        #expect(web.openID?.postLogoutRedirectURI == "https://toedeling.example.nl/inloggen?uitgelogd=1")
        #expect(web.openID?.naam == "uw organisatie")
        #expect(web.openID?.clientSecret == nil)
        #expect(web.openID?.origin == "https://idp.example.nl")
        #expect(web.lokaalInloggen)
        #expect(try ServerConfiguration.from([:]).web.openID == nil)
        let uit = try ServerConfiguration.from(basis.merging(["TOEDELING_LOKAAL_INLOGGEN": "uit"]) { $1 }).web
        #expect(!uit.lokaalInloggen)
        for (omgeving, variabele) in [
            (["TOEDELING_OIDC_ISSUER": "http://idp.example.nl", "TOEDELING_OIDC_CLIENT_ID": "t"], "TOEDELING_OIDC_ISSUER"),
            (["TOEDELING_OIDC_ISSUER": "https://idp.example.nl/?x=1", "TOEDELING_OIDC_CLIENT_ID": "t"], "TOEDELING_OIDC_ISSUER"),
            (["TOEDELING_OIDC_ISSUER": "https://idp.example.nl"], "TOEDELING_OIDC_CLIENT_ID"),
            (["TOEDELING_OIDC_CLIENT_SECRET": "s"], "TOEDELING_OIDC_CLIENT_SECRET"),
            (["TOEDELING_LOKAAL_INLOGGEN": "uit"], "TOEDELING_LOKAAL_INLOGGEN"),
            (basis.merging(["TOEDELING_LOKAAL_INLOGGEN": "nee"]) { $1 }, "TOEDELING_LOKAAL_INLOGGEN"),
        ] {
            #expect(ServerConfiguration.refused(omgeving) == [variabele], "\(omgeving)")
        }
        #expect(OpenIDSettings.isToegestaneURL("http://127.0.0.1:5000"))
        #expect(OpenIDSettings.isToegestaneURL("http://localhost:5000/realms/rijk"))
        #expect(!OpenIDSettings.isToegestaneURL("http://10.0.0.1"))
    }

}
