import Foundation

extension PostgresValue {
    /// The parameter's type OID sent with the statement; 0 lets the server infer it.
    var typeOID: UInt32 {
        switch self {
        case .null, .text: 0
        case .int: PostgresTypeOID.int8
        case .bool: PostgresTypeOID.bool
        case .uuid: PostgresTypeOID.uuid
        case .timestamp: PostgresTypeOID.timestamptz
        case .jsonb: PostgresTypeOID.jsonb
        case .json: PostgresTypeOID.json
        case .bytea: PostgresTypeOID.bytea
        case .double: PostgresTypeOID.float8
        }
    }

    /// The value in PostgreSQL's text input format, or nil for NULL and for the kinds sent in binary
    /// format (`binaryRepresentation`: bytes and JSON documents).
    var textRepresentation: String? {
        switch self {
        case .null: nil
        case .text(let value): value
        case .int(let value): String(value)
        case .bool(let value): value ? "t" : "f"
        case .uuid(let value): value.uuidString
        case .timestamp(let value): PostgresTimestamp.format(value)
        case .bytea, .jsonb, .json: nil
        case .double(let value):
            if value.isNaN { "NaN" } else if value == .infinity { "Infinity" } else if value == -.infinity { "-Infinity" } else { "\(value)" }
        }
    }
}

extension PostgresValue {
    /// The value in PostgreSQL's binary format, for the kinds sent that way: bytes as they are (no hex
    /// text twice their size), a `json` document's bytes and a `jsonb` document's behind its format
    /// version (1). A document needs no copy into a `String`, no scan for a NUL and no `strdup`: the
    /// state and the views every command writes are the largest parameters it sends. The server
    /// still checks the bytes (UTF-8 without NUL, then JSON), as it checks text input.
    var binaryRepresentation: (version: UInt8?, bytes: Data)? {
        switch self {
        case .bytea(let value), .json(let value): (nil, value)
        case .jsonb(let value): (1, value)
        default: nil
        }
    }
}
