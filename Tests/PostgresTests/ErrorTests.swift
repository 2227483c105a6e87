import Postgres
import Testing

@Suite struct ErrorTests {
    @Test func uniqueViolationCarriesItsSQLStateAndADescriptionWithoutSQLOrValues() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE gemeenten (naam text PRIMARY KEY)")
            try connection.execute("INSERT INTO gemeenten (naam) VALUES ($1)", ["Geheimstad"])
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO gemeenten (naam) VALUES ($1)", ["Geheimstad"])
            }
            #expect(error.sqlState == "23505")
            #expect(error.isUniqueViolation)
            #expect(!error.isConnectionLoss)
            #expect(error.code == .queryFailed)
            #expect(error.constraintName == "gemeenten_pkey")
            #expect(error.description == "PostgreSQL query failed (SQLSTATE 23505)")
            #expect(!error.description.contains("Geheimstad") && !error.description.contains("INSERT"))
            #expect(error.serverMessage?.contains("gemeenten_pkey") == true)
        }
    }

    @Test func syntaxErrorsReportSQLState42601() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let error = try #require(throws: PostgresError.self) { try connection.query("SELEKT geheim FROM nergens") }
            #expect(error.sqlState == "42601")
            #expect(!error.description.contains("geheim"))
            #expect(connection.isHealthy)
        }
    }

    @Test func aValueThatLooksLikeSQLIsStoredAsData() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE notities (tekst text)")
            let hostile = "x'); DROP TABLE notities; --"
            try connection.execute("INSERT INTO notities (tekst) VALUES ($1)", [.text(hostile)])
            let rows = try connection.query("SELECT tekst FROM notities")
            #expect(rows.count == 1)
            #expect(try rows[0].string("tekst") == hostile)
        }
    }

    @Test func anUnreachableServerIsAConnectionFailure() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(connectionString: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error.code == .connectionFailed)
        #expect(error.isConnectionLoss)
        #expect(error.description == "PostgreSQL connection failed")
        #expect(error.serverMessage != nil)
    }
}
