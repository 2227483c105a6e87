import Foundation
import Postgres

/// One event appended to an existing stream at a known version and moment, as a statement to send
/// ahead of the statements that depend on it, in one round trip (`PostgresConnection.queries`): a
/// command's append, its projection and its COMMIT together.
///
/// Where `EventStore.append` would answer without recording (an event id already stored, as by a
/// replayed command; a stream at another version; a head moment later than `recordedAt`), this
/// statement fails with `Refusal` instead (schema/0018), so that PostgreSQL skips everything queued
/// after it: nothing is projected or committed for an event that was not recorded as sent. The
/// caller then rolls back and appends the usual way, which answers each of those cases.
public struct PipelinedAppend: Sendable {
    /// The stream appended to.
    public let streamID: String
    /// The version the event gets.
    public let version: Int64
    /// The moment it is recorded at, as a read of it gives it back.
    public let recordedAt: Date
    /// The statement to send.
    public let statement: (sql: String, parameters: [PostgresValue])

    /// Why a pipelined append recorded nothing: `EventStore.append` decides what it was.
    public struct Refusal: Error, Sendable {}

    /// The append of `event` to the existing stream `streamID` at version `expectedVersion`
    /// (above 0), recorded at `recordedAt` (to the microsecond).
    public init(streamID: String, expectedVersion: Int64, event: NewEvent, recordedAt: Date) throws {
        guard event.schemaVersion >= 1 else { throw EventStoreError.invalidSchemaVersion(event.schemaVersion) }
        self.streamID = streamID
        self.version = expectedVersion + 1
        self.recordedAt = recordedAt.postgresInstant
        statement = (Self.sql, EventStore.appendOneParameters(streamID, .exact(expectedVersion), event, self.recordedAt))
    }

    /// The single-event append (`EventStore.appendOneStatement`) that applies only when the stream's
    /// head moment is not later than the one sent (so that the event is recorded at exactly that
    /// moment), and that fails when it recorded nothing. `event_store_expect_appended` is volatile:
    /// the planner evaluates it, also when nothing was appended.
    static let sql = EventStore.appendOneHead(where: " AND s.updated_at <= $8::timestamptz")
        + ", appended AS (\n" + EventStore.appendOneInsert + "\n)\n"
        + "SELECT a.*, n.geteld FROM (SELECT event_store_expect_appended(count(*)) AS geteld FROM appended) n LEFT JOIN appended a ON true"

    /// What the statement recorded, from its rows.
    public func result(_ rows: PostgresRows) throws -> AppendResult {
        AppendResult(streamID: streamID, events: try rows.map(RecordedEvent.init(row:)), wasAlreadyAppended: false)
    }

    /// The error the statement failed with, as the store reports it: `Refusal` for what the usual
    /// append would have decided.
    public func translated(_ error: any Error) -> any Error {
        guard let error = error as? PostgresError else { return error }
        if error.sqlState == "ES004" { return Refusal() }
        return EventStore.translated(error, streamID: streamID, expectedVersion: .exact(version - 1))
    }
}
