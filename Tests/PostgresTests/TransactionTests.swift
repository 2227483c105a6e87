import Postgres
import Testing

@Suite struct TransactionTests {
    struct Refusal: Error {}

    @Test func aTransactionCommitsWhenItsBodyReturns() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8)")
            let value = try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES ($1), ($2)", [1, 2])
            }
            #expect(value == 2)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 2)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func aTransactionRollsBackAndRethrowsWhenItsBodyThrows() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8)")
            #expect(throws: Refusal.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (1)")
                    throw Refusal()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func aSwallowedStatementFailureAbortsTheTransaction() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)")
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (1)")
                    _ = try? connection.execute("INSERT INTO t VALUES (1)")
                }
            }
            #expect(error.code == .transactionAborted)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
        }
    }

    @Test func aNestedTransactionRollsBackOnlyItsOwnWork() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8)")
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                _ = try? connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw Refusal()
                }
            }
            let rows = try connection.query("SELECT n FROM t")
            #expect(rows.map { try? $0.int64("n") } == [1])
        }
    }

    @Test func poolTransactionsCommitOrRollBack() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool()
            try await pool.withConnection { try $0.executeScript("CREATE TABLE t (n int8)") }
            try await pool.withTransaction { try $0.execute("INSERT INTO t VALUES (1)") }
            await #expect(throws: Refusal.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw Refusal()
                }
            }
            let count = try await pool.withConnection { try $0.query("SELECT count(*) AS n FROM t")[0].int("n") }
            #expect(count == 1)
            await pool.close()
        }
    }
}
