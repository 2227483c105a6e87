import ToedelingTestSupport
import Foundation
import Postgres
import Testing

@Suite struct ConnectionPoolTests {
    @Test func thePoolNeverOpensMoreThanItsMaximumAndServesEveryCaller() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 2)
            let concurrent = LockedValue((now: 0, peak: 0))
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            concurrent.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
                            defer { concurrent.withLock { $0.now -= 1 } }
                            return try connection.query("SELECT $1::int8 AS n, pg_sleep(0.03)", [.int(Int64(index))])[0].int("n")
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.sorted() == Array(0..<12))
            // Never more than the maximum at once (on a loaded machine the callers may not overlap at all).
            #expect((1...2).contains(concurrent.withLock { $0.peak }))
            #expect(pool.open <= 2)
            #expect(pool.inUse == 0)
            #expect(pool.waiting == 0)
            await pool.close()
        }
    }

    @Test func thePoolSurvivesTerminationOfAllItsBackends() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 4)
            let firstPIDs = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            try connection.query("SELECT pg_sleep(0.1)")
                            return connection.backendProcessID
                        }
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(firstPIDs.count == 4)
            let admin = try database.connect()
            try terminate(firstPIDs, using: admin)

            let laterPIDs = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            try connection.query("SELECT 1")
                            return connection.backendProcessID
                        }
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(laterPIDs.isDisjoint(with: firstPIDs))
            #expect(pool.open <= 4)
            await pool.close()
        }
    }

    @Test func aCallWhoseBackendIsTerminatedFailsAsConnectionLossAndARetrySucceeds() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1)
            let admin = try database.connect()
            let victim = LockedValue<Int32?>(nil)
            let slowCall = Task {
                try await pool.withConnection { connection in
                    victim.withLock { $0 = connection.backendProcessID }
                    try connection.query("SELECT pg_sleep(30)")
                }
            }
            while victim.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(100))
            try terminate([victim.withLock { $0! }], using: admin)
            let error = await #expect(throws: PostgresError.self) { try await slowCall.value }
            #expect(error?.isConnectionLoss == true)
            let answer = try await pool.withConnection { try $0.query("SELECT 7 AS n")[0].int("n") }
            #expect(answer == 7)
            await pool.close()
        }
    }

    @Test func aClosedPoolRefusesNewWork() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1)
            try await pool.withConnection { try $0.query("SELECT 1") }
            await pool.close()
            let error = await #expect(throws: PostgresError.self) { try await pool.withConnection { try $0.query("SELECT 1") } }
            #expect(error?.code == .poolClosed)
        }
    }

    /// Terminates the backends and waits until they are gone.
    private func terminate(_ pids: Set<Int32>, using admin: PostgresConnection) throws {
        for pid in pids {
            try admin.query("SELECT pg_terminate_backend($1::int4)", [.int(Int64(pid))])
        }
        for _ in 0..<500 {
            let remaining = try pids.filter { pid in
                try admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1::int4", [.int(Int64(pid))])[0].int("n") > 0
            }
            if remaining.isEmpty { return }
            usleep(10_000)
        }
    }
}
