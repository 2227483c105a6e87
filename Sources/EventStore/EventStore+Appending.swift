import Foundation
import Postgres

extension EventStore {
    /// Appends `events` to the stream if it is at `expectedVersion`, creating it when new.
    ///
    /// `hook` runs inside the append's transaction on the same connection with the recorded
    /// events (for inline projections); if it throws, nothing is written and its error propagates
    /// unchanged. When every event id is already stored with the same content, the original
    /// result is returned (`wasAlreadyAppended`), nothing is written and the hook does not run.
    /// Throws `EventStoreError.wrongExpectedVersion` or `.duplicateEventWithDifferentContent`.
    @discardableResult
    public func append(
        to streamID: String,
        streamType: String,
        expectedVersion: ExpectedVersion,
        events: [NewEvent],
        inTransaction hook: (@Sendable (PostgresConnection, [RecordedEvent]) throws -> Void)? = nil
    ) async throws -> AppendResult {
        let result: AppendResult
        if let hook {
            result = try await pool.withTransaction { connection in
                let result = try Self.append(on: connection, to: streamID, streamType: streamType, expectedVersion: expectedVersion, events: events)
                if !result.wasAlreadyAppended { try hook(connection, result.events) }
                return result
            }
        } else {
            result = try await pool.withConnection { connection in
                try Self.append(on: connection, to: streamID, streamType: streamType, expectedVersion: expectedVersion, events: events)
            }
        }
        if !result.wasAlreadyAppended { wakeups.eventsCommitted() }
        return result
    }

    /// Appends on a connection the caller holds, inside the caller's transaction if one is open
    /// (then call `announceCommittedEvents()` after commit). One round trip.
    @discardableResult
    public static func append(
        on connection: PostgresConnection,
        to streamID: String,
        streamType: String,
        expectedVersion: ExpectedVersion,
        events: [NewEvent],
        recordedAt: Date? = nil
    ) throws -> AppendResult {
        guard !events.isEmpty else { throw EventStoreError.noEvents }
        if let invalid = events.first(where: { $0.schemaVersion < 1 }) {
            throw EventStoreError.invalidSchemaVersion(invalid.schemaVersion)
        }
        if events.count == 1, expectedVersion != .noStream, let recorded = try appendOne(
            on: connection, to: streamID, expectedVersion: expectedVersion, event: events[0], recordedAt: recordedAt
        ) {
            return AppendResult(streamID: streamID, events: [recorded], wasAlreadyAppended: false)
        }
        let rows: PostgresRows
        do {
            rows = try connection.query(
                "SELECT * FROM event_store_append($1, $2, $3, $4::uuid[], $5, $6)",
                [
                    .text(streamID), .text(streamType), expectedVersion.databaseValue,
                    .text("{" + events.map(\.eventID.uuidString).joined(separator: ",") + "}"), .jsonb(encodedForAppend(events)),
                    recordedAt.map { .timestamp($0) } ?? .null,
                ]
            )
        } catch let error as PostgresError {
            throw translated(error, streamID: streamID, expectedVersion: expectedVersion)
        }
        let recorded = try rows.map(RecordedEvent.init(row:))
        let replayed = try rows.first?.bool("replayed") ?? false
        return AppendResult(streamID: streamID, events: recorded, wasAlreadyAppended: replayed)
    }

    /// One event on an existing stream at the expected version, in one prepared statement: the
    /// UPDATE of the stream row checks the version, moves the head and takes the row lock that
    /// serialises appends; the INSERT records the event from what it returned. The same statement
    /// as the common path of `event_store_append` (schema/0005), sent directly, without the cost
    /// of calling a plpgsql function. Nil when it does not apply (a new stream, a wrong version, a
    /// stored event id): then `event_store_append` decides.
    private static func appendOne(
        on connection: PostgresConnection, to streamID: String, expectedVersion: ExpectedVersion, event: NewEvent, recordedAt: Date?
    ) throws -> RecordedEvent? {
        let rows: PostgresRows
        do {
            rows = try connection.query(appendOneStatement, appendOneParameters(streamID, expectedVersion, event, recordedAt))
        } catch let error as PostgresError {
            throw translated(error, streamID: streamID, expectedVersion: expectedVersion)
        }
        return try rows.first.map(RecordedEvent.init(row:))
    }

    /// See `appendOne`; keep it equal to the first statement of `event_store_append` in schema/0005.
    static let appendOneStatement = appendOneHead(where: "") + appendOneInsert

    /// The stream row's update of `appendOneStatement`, as its first common table expression `head`,
    /// with `condition` added to the versions it applies to.
    static func appendOneHead(where condition: String) -> String {
        """
        WITH head AS (
            UPDATE streams s SET
                version = s.version + 1,
                previous_head_hash = s.head_hash,
                updated_at = greatest(coalesce($8::timestamptz, statement_timestamp()), s.updated_at),
                head_hash = sha256(s.head_hash || event_store_canonical_bytes(
                    s.stream_id, s.stream_type, s.version + 1, $3::uuid, $4::text, $5::integer, $6::jsonb, $7::jsonb,
                    greatest(coalesce($8::timestamptz, statement_timestamp()), s.updated_at)))
            WHERE s.stream_id = $1::text AND s.version > 0 AND ($2::bigint IS NULL OR s.version = $2::bigint)
              AND NOT EXISTS (SELECT FROM events x WHERE x.event_id = $3::uuid)\(condition)
            RETURNING s.stream_type, s.version, s.previous_head_hash, s.head_hash, s.updated_at
        )

        """
    }

    /// The event's row recorded from what `head` returned.
    static let appendOneInsert = """
        INSERT INTO events AS x (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
                recorded_at, prev_hash, hash)
        SELECT $1::text, head.stream_type, head.version, $3::uuid, $4::text, $5::integer, $6::jsonb, $7::jsonb,
               head.updated_at, head.previous_head_hash, head.head_hash
        FROM head
        RETURNING \(RecordedEvent.returningList)
        """

    /// The parameters of `appendOneStatement` (and of `PipelinedAppend`'s).
    static func appendOneParameters(
        _ streamID: String, _ expectedVersion: ExpectedVersion, _ event: NewEvent, _ recordedAt: Date?
    ) -> [PostgresValue] {
        [
            .text(streamID), expectedVersion.databaseValue, .uuid(event.eventID), .text(event.type),
            .int(Int64(event.schemaVersion)), .jsonb(event.data), .jsonb(event.metadata.isEmpty ? Data("{}".utf8) : event.metadata),
            recordedAt.map { .timestamp($0) } ?? .null,
        ]
    }

    /// The JSON array `event_store_append` takes; payloads are embedded as they are (PostgreSQL
    /// validates them).
    private static func encodedForAppend(_ events: [NewEvent]) -> Data {
        var json = Data("[".utf8)
        for (index, event) in events.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: #"{"type":"#.utf8)
            appendJSONString(event.type, to: &json)
            json.append(contentsOf: #","schema_version":\#(event.schemaVersion),"data":"#.utf8)
            json.append(event.data)
            json.append(contentsOf: #","metadata":"#.utf8)
            json.append(event.metadata.isEmpty ? Data("{}".utf8) : event.metadata)
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
        return json
    }

    private static func appendJSONString(_ string: String, to json: inout Data) {
        json.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": json.append(contentsOf: #"\""#.utf8)
            case "\\": json.append(contentsOf: #"\\"#.utf8)
            case _ where scalar.value < 0x20:
                json.append(contentsOf: String(format: "\\u%04x", scalar.value).utf8)
            default: json.append(contentsOf: String(scalar).utf8)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    static func translated(_ error: PostgresError, streamID: String, expectedVersion: ExpectedVersion) -> any Error {
        switch error.sqlState {
        case "ES002":
            return EventStoreError.wrongExpectedVersion(streamID: streamID, expected: expectedVersion, actual: error.serverDetail.flatMap { Int64($0) })
        case "ES003":
            guard let eventID = error.serverDetail.flatMap(UUID.init(uuidString:)) else { return error }
            return EventStoreError.duplicateEventWithDifferentContent(eventID: eventID)
        case "23505" where error.constraintName == "events_event_id_key":
            guard let eventID = error.serverDetail.flatMap(firstUUID(in:)) else { return error }
            return EventStoreError.duplicateEventWithDifferentContent(eventID: eventID)
        case "22P02", "22P05", "22023":
            return EventStoreError.invalidEventJSON
        default:
            return error
        }
    }

    /// The UUID in a unique-violation detail such as `Key (event_id)=(…) already exists.`
    private static func firstUUID(in detail: String) -> UUID? {
        guard let open = detail.range(of: "=(") else { return nil }
        return UUID(uuidString: String(detail[open.upperBound...].prefix(36)))
    }
}
