import Foundation
import Logging
import Postgres
import Testing

@Suite struct SchemaMigratorTests {
    private func makeDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, sql) in files {
            try sql.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    private func migrator(_ directory: URL) -> SchemaMigrator {
        SchemaMigrator(directory: directory, logger: Logger(label: "test"))
    }

    private let twoFiles = [
        "0001_first.sql": "CREATE TABLE a (n int);\nINSERT INTO a VALUES (1);",
        "0002_second.sql": "CREATE TABLE b (n int);",
        "README.md": "not a migration",
    ]

    @Test func aFreshDatabaseGetsEveryFileInOrderAndReapplyingIsANoOp() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let directory = try makeDirectory(twoFiles)
            #expect(try migrator(directory).status(on: connection).pending == ["0001_first.sql", "0002_second.sql"])
            #expect(try migrator(directory).migrate(on: connection) == ["0001_first.sql", "0002_second.sql"])
            #expect(try migrator(directory).migrate(on: connection) == [])
            #expect(try connection.query("SELECT count(*) AS n FROM a")[0].int("n") == 1)
            let status = try migrator(directory).status(on: connection)
            #expect(status.isUpToDate)
            #expect(status.applied == ["0001_first.sql", "0002_second.sql"])
            let checksum = try connection.query("SELECT checksum FROM schema_migrations WHERE name = '0001_first.sql'")[0].string("checksum")
            #expect(checksum.count == 64)
        }
    }

    @Test func aChangedAppliedFileIsRefusedByName() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let directory = try makeDirectory(twoFiles)
            try migrator(directory).migrate(on: connection)
            try "CREATE TABLE a (n int, extra text);".write(to: directory.appendingPathComponent("0001_first.sql"), atomically: true, encoding: .utf8)
            try "CREATE TABLE c (n int);".write(to: directory.appendingPathComponent("0003_third.sql"), atomically: true, encoding: .utf8)
            let error = try #require(throws: SchemaMigrationError.self) { try migrator(directory).migrate(on: connection) }
            #expect(error == .checksumChanged(file: "0001_first.sql"))
            #expect(error.description.contains("0001_first.sql"))
            #expect(try migrator(directory).status(on: connection).changed == ["0001_first.sql"])
            #expect(try connection.query("SELECT to_regclass('c') IS NULL AS absent")[0].bool("absent"))
        }
    }

    @Test func aDatabaseWithMigrationsTheDirectoryDoesNotKnowIsRefused() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try migrator(try makeDirectory(twoFiles)).migrate(on: connection)
            let older = try makeDirectory(["0001_first.sql": twoFiles["0001_first.sql"]!])
            let status = try migrator(older).status(on: connection)
            #expect(status.unknown == ["0002_second.sql"])
            #expect(!status.isUpToDate)
            #expect(throws: SchemaMigrationError.unknownMigrations(["0002_second.sql"])) { try status.requireUpToDate() }
            #expect(throws: SchemaMigrationError.unknownMigrations(["0002_second.sql"])) { try migrator(older).migrate(on: connection) }
        }
    }

    @Test func aFailingFileLeavesNothingOfItselfAndKeepsEarlierFiles() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let directory = try makeDirectory([
                "0001_first.sql": "CREATE TABLE a (n int);",
                "0002_broken.sql": "CREATE TABLE b (n int); SELECT * FROM missing_table;",
            ])
            let error = try #require(throws: SchemaMigrationError.self) { try migrator(directory).migrate(on: connection) }
            guard case .migrationFailed(let file, let underlying) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "0002_broken.sql")
            #expect(underlying.sqlState == "42P01")
            #expect(try connection.query("SELECT to_regclass('b') IS NULL AS absent")[0].bool("absent"))
            #expect(try migrator(directory).status(on: connection).applied == ["0001_first.sql"])
        }
    }

    @Test func statusOfAnUnmigratedDatabaseListsEverythingAsPendingAndChangesNothing() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1)
            let status = try await migrator(try makeDirectory(twoFiles)).status(pool: pool)
            #expect(status.pending.count == 2)
            #expect(throws: SchemaMigrationError.pendingMigrations(["0001_first.sql", "0002_second.sql"])) { try status.requireUpToDate() }
            let exists = try await pool.withConnection { try $0.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")[0].bool("present") }
            #expect(!exists)
            await pool.close()
        }
    }

    @Test func thePackageSchemaDirectoryIsFoundAndApplies() async throws {
        let directory = try #require(SchemaMigrator.locateSchemaDirectory())
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("0001_event_store.sql").path))
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let applied = try migrator(directory).migrate(on: connection)
            #expect(applied.first == "0001_event_store.sql")
            #expect(try migrator(directory).status(on: connection).isUpToDate)
        }
    }
}
