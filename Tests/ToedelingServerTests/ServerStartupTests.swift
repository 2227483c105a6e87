import Foundation
import Logging
import Postgres
import Testing
import ToedelingAPI
@testable import toedeling_server
import ServerTestSupport

@Suite("Server start-up checks")
struct ServerStartupTests {
    @Test func aMigratedDatabaseIsAccepted() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresConnectionPool(connectionString: database.url, logger: Logger(label: "test"))
            try await ToedelingServer.requireMigratedDatabase(pool: pool, logger: Logger(label: "test"))
            await pool.close()
        }
    }

    @Test func anUnmigratedDatabaseIsRefusedSayingWhatToDo() async throws {
        let name = "api_leeg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(connectionString: TestDatabase.serverURL)
        try admin.executeScript("CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: try TestDatabase.serverURL))
        components.path = "/" + name
        let pool = PostgresConnectionPool(connectionString: try #require(components.string), logger: Logger(label: "test"))
        // The database goes again whatever happens below.
        defer { try? admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        do {
            try await ToedelingServer.requireMigratedDatabase(pool: pool, logger: Logger(label: "test"))
            Issue.record("an unmigrated database was accepted")
        } catch let error as ServerStartupError {
            #expect(String(describing: error).contains("toedeling-admin migrate"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        await pool.close()
    }

    @Test func aDatabaseMigratedByANewerVersionIsRefused() async throws {
        try await TestDatabase.with { database in
            try database.connect().execute(
                "INSERT INTO schema_migrations (name, checksum) VALUES ('9999_toekomst.sql', 'x')")
            let pool = PostgresConnectionPool(connectionString: database.url, logger: Logger(label: "test"))
            do {
                try await ToedelingServer.requireMigratedDatabase(pool: pool, logger: Logger(label: "test"))
                Issue.record("a newer database was accepted")
            } catch let error as ServerStartupError {
                #expect(String(describing: error).contains("9999_toekomst.sql"))
            }
            await pool.close()
        }
    }

    @Test func theConfiguredSchemaFolderIsTheOneChecked() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresConnectionPool(connectionString: database.url, logger: Logger(label: "test"))
            do {
                try await ToedelingServer.requireMigratedDatabase(pool: pool, schemaDirectory: "/nergens/schema", logger: Logger(label: "test"))
                Issue.record("a missing schema folder was accepted")
            } catch let error as ServerStartupError {
                #expect(String(describing: error).contains("TOEDELING_SCHEMA_DIR"))
            }
            await pool.close()
        }
    }
}
