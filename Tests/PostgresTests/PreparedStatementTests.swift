import Postgres
import Testing

/// Statements with parameters are prepared once per connection and then executed by name.
@Suite struct PreparedStatementTests {
    /// How many statements the server holds prepared for this session.
    static func prepared(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM pg_prepared_statements")[0].int("n")
    }

    @Test func aStatementIsPreparedOnceAndRunsByNameAfterwards() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8, s text)")
            for value in 1...5 {
                try connection.execute("INSERT INTO t VALUES ($1, $2)", [.int(Int64(value)), .text("x\(value)")])
            }
            #expect(try Self.prepared(connection) == 1)
            // A NULL and a text both leave their type to the server: the same prepared statement.
            try connection.execute("INSERT INTO t VALUES ($1, $2)", [.int(6), .null])
            #expect(try Self.prepared(connection) == 1)
            #expect(try connection.query("SELECT count(*) AS n FROM t WHERE n > $1", [.int(0)])[0].int("n") == 6)
            #expect(try connection.query("SELECT s FROM t WHERE n = $1", [.int(6)])[0].optionalString("s") == nil)
            #expect(try Self.prepared(connection) == 3)
        }
    }

    @Test func aPreparedStatementFollowsATableThatWasReplaced() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8); INSERT INTO t VALUES (1)")
            #expect(try connection.query("SELECT count(*) AS n FROM t WHERE n >= $1", [.int(0)])[0].int("n") == 1)
            // What a rebuild does: a new table swapped in under the old name.
            try connection.executeScript("CREATE TABLE t_new (n int8); INSERT INTO t_new VALUES (1), (2); DROP TABLE t; ALTER TABLE t_new RENAME TO t")
            #expect(try connection.query("SELECT count(*) AS n FROM t WHERE n >= $1", [.int(0)])[0].int("n") == 2)
        }
    }

    @Test func aFailedTransactionLeavesTheStatementsUsableAndPastTheLimitStatementsStillRun() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)")
            _ = try? connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES ($1)", [.int(1)])
                try connection.execute("INSERT INTO t VALUES ($1)", [.int(1)])
            }
            try connection.execute("INSERT INTO t VALUES ($1)", [.int(1)])
            #expect(try connection.query("SELECT count(*) AS n FROM t WHERE n = $1", [.int(1)])[0].int("n") == 1)
            for value in 0..<200 {
                // Distinct texts: more than the connection keeps prepared.
                #expect(try connection.query("SELECT $1::int8 + \(value) AS n", [.int(1)])[0].int("n") == 1 + value)
            }
            #expect(try Self.prepared(connection) <= 128)
        }
    }
}
