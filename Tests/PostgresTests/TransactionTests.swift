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

    // BEGIN is sent with a transaction's first statement, in the same round trip.

    @Test func theFirstStatementRunsInsideTheTransaction() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8)")
            try connection.execute("INSERT INTO t SELECT generate_series(1, 300)")
            let (eerst, daarna, rijen) = try connection.transaction { connection in
                // now() is the transaction's start: the same for both only when the first statement
                // was already inside it.
                let eerst = try connection.query("SELECT now() AS t, pg_sleep(0.02) AS s")[0].date("t")
                let rijen = try connection.query("SELECT n FROM t WHERE n > $1 ORDER BY n", [.int(100)]).map { try $0.int64("n") }
                return (eerst, try connection.query("SELECT now() AS t")[0].date("t"), rijen)
            }
            #expect(eerst == daarna)
            #expect(rijen == Array(101...300))
            #expect(!connection.isInTransaction)
        }
    }

    @Test func aFailingFirstStatementFailsWithItsOwnErrorAndLeavesNothing() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)")
            try connection.execute("INSERT INTO t VALUES (1)")
            for sql in ["INSERT INTO t VALUES (1)", "INSERT INTO t VALUES ($1)"] {
                let error = try #require(throws: PostgresError.self) {
                    try connection.transaction { connection in
                        try connection.execute(sql, sql.contains("$1") ? [.int(1)] : [])
                        try connection.execute("INSERT INTO t VALUES (2)")
                    }
                }
                #expect(error.sqlState == "23505", "\(sql)")
                #expect(!connection.isInTransaction)
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 1)
            // A syntax error in the first statement, which cannot even be prepared.
            #expect(throws: PostgresError.self) {
                try connection.transaction { connection in try connection.execute("INSERT INTO t VALUE ($1)", [.int(3)]) }
            }
            #expect(!connection.isInTransaction)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 1)
        }
    }

    @Test func aTransactionWithoutStatementsLeavesTheConnectionAsItWas() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            #expect(try connection.transaction { _ in 7 } == 7)
            #expect(!connection.isInTransaction)
            #expect(throws: Refusal.self) { try connection.transaction { _ in throw Refusal() } }
            #expect(!connection.isInTransaction)
            #expect(try connection.query("SELECT 1 AS n")[0].int("n") == 1)
        }
    }

    @Test func aSavepointOrACopyFirstIsInsideTheTransaction() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8)")
            #expect(throws: Refusal.self) {
                try connection.transaction { connection in
                    try connection.transaction { connection in try connection.execute("INSERT INTO t VALUES (1)") }
                    throw Refusal()
                }
            }
            #expect(throws: Refusal.self) {
                try connection.transaction { connection in
                    var rows = PostgresCopyRows()
                    rows.append([.int(2)])
                    try connection.copy(rows, into: "t", columns: ["n"])
                    throw Refusal()
                }
            }
            #expect(throws: Refusal.self) {
                try connection.transaction { connection in
                    try connection.executeScript("INSERT INTO t VALUES (3)")
                    throw Refusal()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func aReaderInAnExportedSnapshotSeesWhatTheExporterSawAndCannotWrite() async throws {
        try await TestDatabase.with { database in
            let exporter = try database.connect()
            let writer = try database.connect()
            let reader = try database.connect()
            try writer.executeScript("CREATE TABLE t (n int8); INSERT INTO t VALUES (1)")
            try exporter.transaction { exporter in
                let snapshot = try exporter.exportSnapshot()
                // Committed after the export: the exporter's snapshot does not hold it.
                try writer.execute("INSERT INTO t VALUES ($1)", [.int(2)])
                try reader.beginReadOnly(snapshot: snapshot)
                #expect(try reader.query("SELECT count(*) AS n FROM t")[0].int("n") == 1)
                #expect(try writer.query("SELECT count(*) AS n FROM t")[0].int("n") == 2)
                #expect(throws: PostgresError.self) { try reader.execute("INSERT INTO t VALUES ($1)", [.int(3)]) }
                try reader.executeScript("ROLLBACK")
            }
            #expect(!reader.isInTransaction)
            // A snapshot id that no open transaction exported is refused, quoted as a literal.
            #expect(throws: PostgresError.self) { try reader.beginReadOnly(snapshot: "00000003-0000001B-1'; DROP TABLE t; --") }
            try reader.executeScript("ROLLBACK")
            #expect(try writer.query("SELECT count(*) AS n FROM t")[0].int("n") == 2)
        }
    }
}

