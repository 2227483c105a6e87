import Crypto
import Foundation

/// The hash chain of a stream, bit-identical to `event_store_canonical_bytes` in
/// schema/0001_event_store.sql. Canonical bytes, integers big-endian:
///
///     field(utf8(stream_id)) ‖ field(utf8(stream_type)) ‖ int8(version) ‖ uuid(event_id, 16 bytes)
///     ‖ field(utf8(type)) ‖ int4(schema_version) ‖ field(utf8(data as jsonb text))
///     ‖ field(utf8(metadata as jsonb text)) ‖ int8(recorded_at in microseconds since 1970 UTC)
///
/// with field(b) = int4(byte length of b) ‖ b, and hash = sha256(previous hash ‖ canonical bytes);
/// the first event's previous hash is 32 zero bytes.
enum EventHasher {
    /// The previous hash of a stream's first event.
    static let genesis = Data(repeating: 0, count: 32)

    struct Fields {
        let streamID: String
        let streamType: String
        let version: Int64
        let eventID: UUID
        let type: String
        let schemaVersion: Int32
        let jsonbData: Data
        let jsonbMetadata: Data
        let recordedAtMicroseconds: Int64
    }

    static func canonicalBytes(_ fields: Fields) -> Data {
        var bytes = Data()
        bytes.reserveCapacity(96 + fields.jsonbData.count + fields.jsonbMetadata.count)
        appendField(Data(fields.streamID.utf8), to: &bytes)
        appendField(Data(fields.streamType.utf8), to: &bytes)
        appendBigEndian(fields.version, to: &bytes)
        withUnsafeBytes(of: fields.eventID.uuid) { bytes.append(contentsOf: $0) }
        appendField(Data(fields.type.utf8), to: &bytes)
        appendBigEndian(fields.schemaVersion, to: &bytes)
        appendField(fields.jsonbData, to: &bytes)
        appendField(fields.jsonbMetadata, to: &bytes)
        appendBigEndian(fields.recordedAtMicroseconds, to: &bytes)
        return bytes
    }

    static func hash(previous: Data, fields: Fields) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonicalBytes(fields))
        return Data(hasher.finalize())
    }

    private static func appendField(_ field: Data, to bytes: inout Data) {
        appendBigEndian(Int32(field.count), to: &bytes)
        bytes.append(field)
    }

    private static func appendBigEndian<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout Data) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
