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
        case .bytea: PostgresTypeOID.bytea
        case .double: PostgresTypeOID.float8
        }
    }

    /// The value in PostgreSQL's text input format, or nil for NULL and for bytes, which are always
    /// sent in binary format (see `PostgresConnection.run`).
    var textRepresentation: String? {
        switch self {
        case .null: nil
        case .text(let value): value
        case .int(let value): String(value)
        case .bool(let value): value ? "t" : "f"
        case .uuid(let value): value.uuidString
        case .timestamp(let value): PostgresTimestamp.format(value)
        case .jsonb(let value): String(decoding: value, as: UTF8.self)
        case .bytea: nil
        case .double(let value):
            if value.isNaN { "NaN" } else if value == .infinity { "Infinity" } else if value == -.infinity { "-Infinity" } else { "\(value)" }
        }
    }
}
