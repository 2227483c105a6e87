import Foundation
import Logging
import Metrics
import Postgres

/// Where a report was read.
public enum ReportSource: String, Sendable {
    /// The primary (no replica is configured, or it was behind or unreachable).
    case primary
    /// A replica that had replayed every commit the primary had acknowledged when the report was asked for.
    case replica
}

/// A report as read, with the moment up to which it is complete: every command acknowledged before
/// that moment (on any instance) is in it.
public struct ReportRead<Report: Sendable>: Sendable {
    /// The report.
    public let report: Report
    /// The primary's clock when the report was asked for.
    public let completeUpTo: Date
    /// Where it was read.
    public let source: ReportSource

    /// The same reading with the report made into another.
    public func map<Other: Sendable>(_ transform: (Report) throws -> Other) rethrows -> ReportRead<Other> {
        ReportRead<Other>(report: try transform(report), completeUpTo: completeUpTo, source: source)
    }
}

/// Reads reports from a replica (`TOEDELING_REPORT_DATABASE_URL`) without losing read-your-writes:
/// it takes the primary's WAL position first and reads the replica only once the replica has
/// replayed up to it (a report right after a write shows the write); a replica that stays behind
/// for `catchUpWait`, or cannot be reached, is passed over for the primary.
public struct ReportReader: Sendable {
    let primary: PostgresConnectionPool
    let replica: PostgresConnectionPool?
    let catchUpWait: Duration
    let logger: Logger

    /// A reader over the primary and, when given, a replica.
    public init(primary: PostgresConnectionPool, replica: PostgresConnectionPool? = nil, catchUpWait: Duration = .seconds(2), logger: Logger) {
        self.primary = primary
        self.replica = replica
        self.catchUpWait = catchUpWait
        self.logger = logger
    }

    /// Runs `body` on one connection that sees every commit acknowledged before this call.
    public func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> ReportRead<T> {
        guard let replica else {
            // No replica: the moment and the report on one connection of the primary.
            let (report, moment) = try await primary.withConnection { connection in
                let moment = try Self.position(on: connection).moment
                return (try body(connection), moment)
            }
            Self.count(.primary)
            return ReportRead(report: report, completeUpTo: moment, source: .primary)
        }
        let (position, moment) = try await primary.withConnection { connection in try Self.position(on: connection) }
        let wait = catchUpWait
        do {
            // A connection of the replica pool that found the primary (prefer-standby while the
            // standby was away) is closed and another one tried, so that reads return to the
            // standby once it is back; the last attempt reads wherever it is.
            for attempt in 1...Self.attempts {
                let outcome = try await replica.withConnection { connection -> ReplicaOutcome<T> in
                    let deadline = ContinuousClock.now + wait
                    while true {
                        let row = try connection.query(
                            "SELECT pg_is_in_recovery() AS herstel, coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS bij",
                            [.text(position)]
                        )[0]
                        if try !row.bool("herstel") {
                            connection.retire()
                            return attempt < Self.attempts ? .foundPrimary : .read(try body(connection), .primary)
                        }
                        if try row.bool("bij") { return .read(try body(connection), .replica) }
                        if ContinuousClock.now >= deadline { return .behind }
                        Thread.sleep(forTimeInterval: 0.01)
                    }
                }
                switch outcome {
                case .read(let report, let source):
                    Self.count(source)
                    return ReportRead(report: report, completeUpTo: moment, source: source)
                case .foundPrimary:
                    continue
                case .behind:
                    logger.warning("report replica behind the primary; reading the primary", metadata: ["wait": "\(wait)"])
                }
                break
            }
        } catch let error as PostgresError {
            logger.warning("report replica unavailable; reading the primary", metadata: ["error": "\(error.code)"])
        }
        let report = try await primary.withConnection(body)
        Self.count(.primary)
        return ReportRead(report: report, completeUpTo: moment, source: .primary)
    }

    /// The primary's WAL write position (every acknowledged commit lies at or before it) and its
    /// clock, in one statement. (On a standby, as an admin command may be pointed at: what it
    /// replayed, and the commit moment of the last transaction it replayed.)
    private static func position(on connection: PostgresConnection) throws -> (position: String, moment: Date) {
        let row = try connection.query(
            """
            SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END::text AS positie,
                   CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_xact_replay_timestamp(), clock_timestamp()) ELSE clock_timestamp() END AS nu
            """
        )[0]
        return (try row.string("positie"), try row.date("nu"))
    }

    /// How many replica connections a report tries before it reads wherever the last one is.
    static let attempts = 4

    /// What one replica connection gave.
    private enum ReplicaOutcome<T: Sendable>: Sendable {
        case read(T, ReportSource)
        case foundPrimary
        case behind
    }

    private static func count(_ source: ReportSource) {
        Counter(label: "toedeling_report_reads_total", dimensions: [("source", source.rawValue)]).increment()
    }
}
