import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Postgres
import Testing

/// `queries`: several statements of one transaction in one round trip, each as if sent on its own.
@Suite struct PipelineTests {
    @Test func statementsAnswerInOrderInTheTransactionTheyOpen() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY, s text)")
            let answers = try connection.transaction { connection in
                try connection.queries([
                    ("INSERT INTO t VALUES ($1, $2) RETURNING n", [.int(1), .text("een")]),
                    ("SELECT count(*) AS n, txid_current_if_assigned() IS NOT NULL AS bezig FROM t", []),
                    ("SELECT s FROM t WHERE n = $1", [.int(1)]),
                ])
            }
            #expect(answers.count == 3)
            #expect(try answers[0][0].int("n") == 1)
            // The second statement ran after the first, in the same (open) transaction.
            #expect(try answers[1][0].int("n") == 1)
            #expect(try answers[1][0].bool("bezig"))
            #expect(try answers[2][0].string("s") == "een")
            #expect(!connection.isInTransaction)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 1)
        }
    }

    @Test func aFailingStatementStopsTheOnesAfterItAndTheTransaction() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY); INSERT INTO t VALUES (1)")
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.queries([
                        ("INSERT INTO t VALUES ($1)", [.int(2)]),
                        ("INSERT INTO t VALUES ($1)", [.int(1)]),
                        ("INSERT INTO t VALUES ($1)", [.int(3)]),
                    ])
                }
            }
            #expect(error.isUniqueViolation)
            #expect(try connection.query("SELECT array_agg(n ORDER BY n)::text AS n FROM t")[0].string("n") == "{1}")
            #expect(!connection.isInTransaction)
            // The connection serves the next statements.
            #expect(try connection.queries([("SELECT $1::int8 AS n", [.int(7)]), ("SELECT $1::text AS s", [.text("x")])])[1][0].string("s") == "x")
        }
    }

    @Test func aParameterThatCannotBeSentRefusesThemAllBeforeAnyIsSent() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8, s text)")
            let error = try #require(throws: PostgresError.self) {
                try connection.queries([
                    ("INSERT INTO t VALUES ($1, $2)", [.int(1), .text("goed")]),
                    ("INSERT INTO t VALUES ($1, $2)", [.int(2), .text("fout\u{0}")]),
                ])
            }
            #expect(error.code == .invalidArgument)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
        }
    }

    /// What a command's locked read relies on: the statement after one that waited for a row lock sees
    /// what was committed while it waited.
    @Test func theStatementAfterALockWaitSeesWhatWasCommittedMeanwhile() async throws {
        try await TestDatabase.with { database in
            let setup = try database.connect()
            try setup.executeScript("CREATE TABLE d (id int8 PRIMARY KEY); INSERT INTO d VALUES (1); CREATE TABLE k (d int8, nummer text)")
            let holder = try database.connect()
            try holder.executeScript("BEGIN; SELECT * FROM d WHERE id = 1 FOR UPDATE")
            let pool = database.makePool(maximumConnections: 1)
            let waiter = Task {
                try await pool.withTransaction { connection in
                    try connection.queries([
                        ("SELECT (SELECT id FROM d WHERE id = $1 FOR UPDATE) AS id", [.int(1)]),
                        ("SELECT count(*) AS n FROM k WHERE d = $1", [.int(1)]),
                    ])[1][0].int("n")
                }
            }
            while try setup.query("SELECT count(*) AS n FROM pg_locks WHERE NOT granted")[0].int("n") == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            try holder.executeScript("INSERT INTO k VALUES (1, '36 000-1'); COMMIT")
            #expect(try await waiter.value == 1)
            await pool.close()
        }
    }

    @Test func committingSendsTheCommitWithTheStatementsAndTheTransactionSendsNoOtherCommit() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let other = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)")
            let seenInside = try connection.transaction { connection in
                let answers = try connection.queries(
                    [("INSERT INTO t VALUES ($1) RETURNING n", [.int(1)]), ("INSERT INTO t VALUES ($1) RETURNING n", [.int(2)])], committing: true
                )
                #expect(answers.count == 2)
                #expect(try answers[1][0].int("n") == 2)
                #expect(!connection.isInTransaction)
                // Committed before the transaction's body has returned: another connection sees it.
                return try other.query("SELECT count(*) AS n FROM t")[0].int("n")
            }
            #expect(seenInside == 2)
            // A second COMMIT would have warned "there is no transaction in progress"; none was sent,
            // and the connection goes on.
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 2)
        }
    }

    @Test func whenAStatementFailsTheCommitDoesNotRunAndNothingIsKept() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY); INSERT INTO t VALUES (1)")
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [.int(5)])
                    return try connection.queries([("INSERT INTO t VALUES ($1)", [.int(2)]), ("INSERT INTO t VALUES ($1)", [.int(1)])], committing: true)
                }
            }
            #expect(error.isUniqueViolation)
            #expect(!connection.isInTransaction)
            #expect(try connection.query("SELECT array_agg(n ORDER BY n)::text AS n FROM t")[0].string("n") == "{1}")
        }
    }

    @Test func insideASavepointCommittingLeavesTheCommitToTheOutermostTransaction() async throws {
        struct Afgebroken: Error {}
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)")
            #expect(throws: Afgebroken.self) {
                try connection.transaction { connection in
                    try connection.transaction { connection in
                        _ = try connection.queries([("INSERT INTO t VALUES ($1)", [.int(1)]), ("INSERT INTO t VALUES ($1)", [.int(2)])], committing: true)
                        #expect(connection.isInTransaction)
                    }
                    throw Afgebroken()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
            // Outside a transaction there is nothing to commit: the statements run as they are.
            _ = try connection.queries([("INSERT INTO t VALUES ($1)", [.int(3)]), ("INSERT INTO t VALUES ($1)", [.int(4)])], committing: true)
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 2)
        }
    }

    /// A COMMIT that fails (here a deferred unique constraint, as a failover fails one waiting for its
    /// standby) fails the call with its own error, read from its result before that is cleared.
    @Test func aCommitThatFailsFailsTheCallWithItsErrorAndKeepsNothing() async throws {
        // Freed memory filled with a pattern meanwhile, so that a result read after it was cleared
        // cannot pass for the one it was.
        freedMemoryPattern(0xA5)
        defer { freedMemoryPattern(0) }
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.executeScript("CREATE TABLE t (n int8 UNIQUE DEFERRABLE INITIALLY DEFERRED)")
            for _ in 0..<20 {
                let error = try #require(throws: PostgresError.self) {
                    try connection.transaction { connection in
                        try connection.queries([("INSERT INTO t VALUES ($1)", [.int(1)]), ("INSERT INTO t VALUES ($1)", [.int(1)])], committing: true)
                    }
                }
                #expect(error.isUniqueViolation)
                #expect(!connection.isInTransaction)
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t")[0].int("n") == 0)
        }
    }
}

/// glibc's `mallopt(M_PERTURB, byte)`: memory is filled with `byte` when freed (0: no longer). Looked
/// up at run time: Swift's Glibc module does not declare it.
private func freedMemoryPattern(_ byte: Int32) {
    #if canImport(Glibc)
    guard let symbol = dlsym(nil, "mallopt") else { return }
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    _ = unsafeBitCast(symbol, to: Mallopt.self)(-6, byte)  // M_PERTURB
    #endif
}
