import Foundation
import Logging
import Postgres
import Dossiers
import Testing
import ToedelingTestSupport

/// Reports from a replica (`TOEDELING_REPORT_DATABASE_URL`): what the reader does when the replica
/// URL finds the primary, or nothing. (A real standby that is first waited for is exercised by
/// scripts/tests/failover.sh, against Patroni.)
@Suite struct ReportReaderTests {
    @Test func withoutAReplicaAReportIsReadFromThePrimaryAndSaysUpToWhenItIsComplete() async throws {
        try await TestDatabase.with { db in
            let before = Date()
            _ = try await openDossier(db.service, titel: "Eerste")
            let read = try await ReportReader(primary: db.pool, logger: Logger(label: "test")).read { connection in
                try connection.query("SELECT count(*)::int AS n FROM dossiers")[0].int("n")
            }
            #expect(read.report == 1)
            #expect(read.source == .primary)
            #expect(read.completeUpTo >= before.addingTimeInterval(-1) && read.completeUpTo <= Date().addingTimeInterval(1))
        }
    }

    /// A replica URL that reaches the primary (prefer-standby while the standby is away): the
    /// report still shows every write, and the connections that found the primary are not kept.
    @Test func aReplicaURLThatFindsThePrimaryStillShowsEveryWrite() async throws {
        try await TestDatabase.with { db in
            let replica = PostgresConnectionPool(connectionString: db.url, maximumConnections: 2, logger: Logger(label: "test"))
            let reader = ReportReader(primary: db.pool, replica: replica, logger: Logger(label: "test"))
            for n in 1...3 {
                _ = try await openDossier(db.service, titel: "Dossier \(n)")
                let read = try await reader.read { connection in try connection.query("SELECT count(*)::int AS n FROM dossiers")[0].int("n") }
                #expect(read.report == n)
                #expect(read.source == .primary)
            }
            #expect(replica.open == 0, "a replica-pool connection to the primary was kept")
            await replica.close()
        }
    }

    /// A replica that cannot be reached costs the report nothing but a warning: it is read from the primary.
    @Test func anUnreachableReplicaIsPassedOverForThePrimary() async throws {
        try await TestDatabase.with { db in
            let port = try #require(db.url.split(separator: ":").last?.split(separator: "/").first)
            // A closed port on loopback: nothing listens on port 1.
            let unreachable = db.url.replacingOccurrences(of: ":\(port)/", with: ":1/")
            let replica = PostgresConnectionPool(
                connectionString: unreachable, maximumConnections: 1, limits: PostgresLimits(connectTimeoutSeconds: 2), logger: Logger(label: "test"))
            _ = try await openDossier(db.service, titel: "Eerste")
            let read = try await ReportReader(primary: db.pool, replica: replica, logger: Logger(label: "test")).read { connection in
                try connection.query("SELECT count(*)::int AS n FROM dossiers")[0].int("n")
            }
            #expect(read.report == 1)
            #expect(read.source == .primary)
            await replica.close()
        }
    }
}
