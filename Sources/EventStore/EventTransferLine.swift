import Foundation
import Postgres

/// One event as a line of the export format (JSON Lines), field by field:
///
///     {"position":1,"transactionId":755,"streamId":"…","streamType":"…","version":1,"eventId":"…",
///      "type":"…","schemaVersion":1,"data":{…},"metadata":{…},"recordedAt":"2026-11-29T02:45:10.123456Z",
///      "previousHash":"<64 hex>","hash":"<64 hex>"}
///
/// `data` and `metadata` are PostgreSQL's jsonb text, embedded verbatim, so numbers and strings keep
/// exactly the value the hash covers. `recordedAt` is UTC with microseconds (the stored precision).
/// `transactionId` is informative: an import records its events under its own transaction.
struct EventTransferLine: Decodable {
    let position: Int64
    let streamId: String
    let streamType: String
    let version: Int64
    let eventId: UUID
    let type: String
    let schemaVersion: Int32
    let recordedAt: String
    let previousHash: String
    let hash: String

    private enum CodingKeys: String, CodingKey {
        case position, streamId, streamType, version, eventId, type, schemaVersion, data, metadata, recordedAt,
             previousHash, hash
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(Int64.self, forKey: .position)
        streamId = try container.decode(String.self, forKey: .streamId)
        streamType = try container.decode(String.self, forKey: .streamType)
        version = try container.decode(Int64.self, forKey: .version)
        eventId = try container.decode(UUID.self, forKey: .eventId)
        type = try container.decode(String.self, forKey: .type)
        schemaVersion = try container.decode(Int32.self, forKey: .schemaVersion)
        recordedAt = try container.decode(String.self, forKey: .recordedAt)
        previousHash = try container.decode(String.self, forKey: .previousHash)
        hash = try container.decode(String.self, forKey: .hash)
        for key in [CodingKeys.data, .metadata] {
            if !container.contains(key) {
                throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "\(key.stringValue) is missing"))
            }
        }
    }

    // MARK: Reading

    /// Parses and checks one line; the reason names the first field that is wrong.
    static func parse(_ line: String, number: Int) throws -> EventTransferLine {
        let parsed: EventTransferLine
        do {
            parsed = try JSONDecoder().decode(EventTransferLine.self, from: Data(line.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw EventTransferError.invalidLine(number: number, reason: "\(key.stringValue) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.first?.stringValue
            throw EventTransferError.invalidLine(number: number, reason: field.map { "\($0) has a wrong value" } ?? "not a JSON object")
        } catch {
            throw EventTransferError.invalidLine(number: number, reason: "not a JSON object")
        }
        try parsed.check(number: number)
        return parsed
    }

    private func check(number: Int) throws {
        func refuse(_ reason: String) -> EventTransferError { .invalidLine(number: number, reason: reason) }
        guard position >= 1 else { throw refuse("position must be at least 1") }
        guard version >= 1 else { throw refuse("version must be at least 1") }
        guard schemaVersion >= 1 else { throw refuse("schemaVersion must be at least 1") }
        guard !streamId.isEmpty else { throw refuse("streamId is empty") }
        guard Self.isHash(previousHash) else { throw refuse("previousHash is not 64 hexadecimal digits") }
        guard Self.isHash(hash) else { throw refuse("hash is not 64 hexadecimal digits") }
        guard Self.isTimestamp(recordedAt) else { throw refuse("recordedAt is not a UTC time such as 2026-01-31T12:00:00.000000Z") }
    }

    private static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`.
    private static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 27, bytes.last == UInt8(ascii: "Z") else { return false }
        let pattern = Array("dddd-dd-ddTdd:dd:dd".utf8)
        for (index, expected) in pattern.enumerated() {
            let byte = bytes[index]
            if expected == UInt8(ascii: "d") ? !(48...57).contains(byte) : byte != expected { return false }
        }
        let fraction = bytes[19..<(bytes.count - 1)]
        if fraction.isEmpty { return true }
        return fraction.first == UInt8(ascii: ".") && fraction.count >= 2 && fraction.dropFirst().allSatisfy { (48...57).contains($0) }
    }

    // MARK: Writing

    /// The columns `line(from:)` reads, in position order after `$1`, at most `$2` rows.
    static let exportQuery = """
        SELECT position, tx::text AS tx_text, stream_id, stream_type, version, event_id::text AS event_id_text, type,
            schema_version, data::text AS data_text, metadata::text AS metadata_text,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at_text,
            encode(prev_hash, 'hex') AS prev_hash_hex, encode(hash, 'hex') AS hash_hex
        FROM events WHERE position > $1 ORDER BY position LIMIT $2
        """

    /// The columns of `exportQuery` for one stream (`$3`), after version `$1`, at most `$2` rows.
    static let streamExportQuery = """
        SELECT position, tx::text AS tx_text, stream_id, stream_type, version, event_id::text AS event_id_text, type,
            schema_version, data::text AS data_text, metadata::text AS metadata_text,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at_text,
            encode(prev_hash, 'hex') AS prev_hash_hex, encode(hash, 'hex') AS hash_hex
        FROM events WHERE stream_id = $3 AND version > $1 ORDER BY version LIMIT $2
        """

    /// One exported line (with its newline) from a row of `exportQuery`.
    static func line(from row: PostgresRow) throws -> String {
        var line = "{\"position\":\(try row.int64("position"))"
        line += ",\"transactionId\":\(try row.string("tx_text"))"
        line += ",\"streamId\":" + jsonString(try row.string("stream_id"))
        line += ",\"streamType\":" + jsonString(try row.string("stream_type"))
        line += ",\"version\":\(try row.int64("version"))"
        line += ",\"eventId\":" + jsonString(try row.string("event_id_text"))
        line += ",\"type\":" + jsonString(try row.string("type"))
        line += ",\"schemaVersion\":\(try row.int64("schema_version"))"
        line += ",\"data\":" + (try row.string("data_text"))
        line += ",\"metadata\":" + (try row.string("metadata_text"))
        line += ",\"recordedAt\":" + jsonString(try row.string("recorded_at_text"))
        line += ",\"previousHash\":" + jsonString(try row.string("prev_hash_hex"))
        line += ",\"hash\":" + jsonString(try row.string("hash_hex"))
        return line + "}\n"
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String { JSONLiteral.string(text) }
}
