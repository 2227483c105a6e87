import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Postgres
import Testing
import ToedelingTestSupport

/// `independentQueries` and the pool's `read`: reads of many callers sent together in one round
/// trip, each its own transaction with its own answer or error.
@Suite struct PipelinedReadTests {
    @Test func independentStatementsEachRunAsTheirOwnTransactionAndFailAlone() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            let outcomes = connection.independentQueries([
                ("SELECT txid_current() AS tx, $1::int8 AS n", [.int(1)]),
                ("SELECT 1 / ($1::int8 - 2) AS n", [.int(2)]),
                ("SELECT $1::text AS s", [.text("fout\u{0}")]),
                ("SELECT txid_current() AS tx, $1::int8 AS n", [.int(4)]),
            ])
            #expect(outcomes.count == 4)
            let first = try outcomes[0].get()[0]
            let last = try outcomes[3].get()[0]
            #expect(try first.int("n") == 1)
            #expect(try last.int("n") == 4)
            // Each its own transaction: another transaction id, and the error between them stopped neither.
            #expect(try first.int("tx") != last.int("tx"))
            #expect(throws: PostgresError.self) { try outcomes[1].get() }
            if case .failure(let error as PostgresError) = outcomes[1] { #expect(error.sqlState == "22012") }
            if case .failure(let error as PostgresError) = outcomes[2] { #expect(error.code == .invalidArgument) } else { Issue.record("a NUL parameter was sent") }
            #expect(!connection.isInTransaction)
            #expect(connection.isHealthy)
            #expect(try connection.query("SELECT 5 AS n")[0].int("n") == 5)
        }
    }

    @Test func manyReadsAtOnceShareOneConnectionAndEachGetsItsOwnRows() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 4, maximumReaders: 1)
            let answers = try await withThrowingTaskGroup(of: (Int, Int, Int32).self) { group in
                for index in 0..<300 {
                    group.addTask {
                        try await pool.read("SELECT $1::int8 * 2 AS n, pg_backend_pid() AS pid", [.int(Int64(index))]) { rows in
                            (index, try rows[0].int("n"), Int32(try rows[0].int("pid")))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 300)
            #expect(answers.allSatisfy { $0.1 == 2 * $0.0 })
            // One reader: every read went over the same backend.
            #expect(Set(answers.map(\.2)).count == 1)
            #expect(pool.inUse == 0)
            await pool.close()
        }
    }

    @Test func aFailingReadFailsAloneAmongReadsSentWithIt() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 2, maximumReaders: 1)
            let outcomes = await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
                for index in 0..<120 {
                    group.addTask {
                        do {
                            return (index, .success(try await pool.read("SELECT 100 / ($1::int8 % 10) AS n", [.int(Int64(index))]) { try $0[0].int("n") }))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            for (index, outcome) in outcomes {
                switch outcome {
                case .success(let n): #expect(index % 10 != 0 && n == 100 / (index % 10))
                case .failure(let error): #expect(index % 10 == 0 && (error as? PostgresError)?.sqlState == "22012")
                }
            }
            #expect(outcomes.count == 120)
            await pool.close()
        }
    }

    @Test func aReadSeesEveryCommitThatFinishedBeforeItWasCalled() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 4, maximumReaders: 1)
            try await pool.withConnection { try $0.executeScript("CREATE TABLE t (n int8 PRIMARY KEY)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for step in 0..<40 {
                            let n = Int64(writer * 1000 + step)
                            try await pool.withConnection { try $0.execute("INSERT INTO t VALUES ($1)", [.int(n)]) }
                            let seen = try await pool.read("SELECT count(*) AS c FROM t WHERE n = $1", [.int(n)]) { try $0[0].int("c") }
                            #expect(seen == 1)
                        }
                    }
                }
                try await group.waitForAll()
            }
            await pool.close()
        }
    }

    @Test func readsWhoseBackendIsTerminatedFailAsConnectionLossAndLaterReadsAnswer() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 2, maximumReaders: 1)
            let admin = try database.connect()
            let slow = Task { try await pool.read("SELECT pg_sleep(30)") { _ in () } }
            // The backend running it, found however long a loaded machine takes to send it.
            var victim: Int32?
            for _ in 0..<6_000 where victim == nil {
                victim = try admin.query(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query = 'SELECT pg_sleep(30)'"
                ).first.map { Int32(try $0.int("pid")) }
                if victim == nil { usleep(10_000) }
            }
            let pid = try #require(victim)
            try admin.query("SELECT pg_terminate_backend($1::int4)", [.int(Int64(pid))])
            let error = await #expect(throws: PostgresError.self) { try await slow.value }
            #expect(error?.isConnectionLoss == true)
            let after = try await pool.read("SELECT 7 AS n, pg_backend_pid() AS pid") { (try $0[0].int("n"), Int32(try $0[0].int("pid"))) }
            #expect(after.0 == 7)
            #expect(after.1 != pid)
            #expect(pool.inUse == 0)
            await pool.close()
        }
    }

    @Test func aCallerWaitingForTheOnlyConnectionIsServedWhileReadsKeepComing() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1, maximumReaders: 1)
            // The reads stop when the caller was served, or (had it been starved) after this many:
            // counted, not timed, so that a machine loaded by other tests cannot fail it.
            let limit = 10_000
            let reads = LockedValue(0)
            let servedAfter = LockedValue<Int?>(nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                // More readers than a batch takes: there are always reads queued.
                for _ in 0..<80 {
                    group.addTask {
                        while servedAfter.withLock({ $0 }) == nil, reads.withLock({ $0 }) < limit {
                            _ = try await pool.read("SELECT pg_sleep(0.001)") { _ in () }
                            reads.withLock { $0 += 1 }
                        }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(200))
                    try await pool.withConnection { try $0.query("SELECT 1") }
                    let count = reads.withLock { $0 }
                    servedAfter.withLock { $0 = count }
                }
                try await group.waitForAll()
            }
            // Served while the reads still came, not only after they stopped.
            let after = try #require(servedAfter.withLock { $0 })
            #expect(after < limit)
            let three = try await pool.read("SELECT 3 AS n") { try $0[0].int("n") }
            #expect(three == 3)
            await pool.close()
        }
    }

    @Test func aClosedPoolRefusesReads() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1)
            let one = try await pool.read("SELECT 1 AS n") { try $0[0].int("n") }
            #expect(one == 1)
            await pool.close()
            let error = await #expect(throws: PostgresError.self) { _ = try await pool.read("SELECT 1 AS n", [], { rows in try rows[0].int("n") }) }
            #expect(error?.code == .poolClosed)
        }
    }
}
