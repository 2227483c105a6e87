import Foundation

/// A value bound to a statement parameter (`$1`, `$2`, …). Values are always sent separately from
/// the SQL text, never interpolated into it.
public enum PostgresValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// Text; its type is left for the server to infer from the statement.
    case text(String)
    /// A 64-bit integer (`int8`).
    case int(Int64)
    /// A boolean.
    case bool(Bool)
    /// A UUID.
    case uuid(UUID)
    /// A point in time (`timestamptz`), sent in UTC with microsecond precision.
    case timestamp(Date)
    /// A JSON document (`jsonb`) as UTF-8 bytes.
    case jsonb(Data)
    /// A JSON document kept as written (`json`: its bytes, keys and spacing as they are), as UTF-8 bytes.
    case json(Data)
    /// Raw bytes (`bytea`).
    case bytea(Data)
    /// A double-precision number (`float8`).
    case double(Double)
}

extension PostgresValue: ExpressibleByStringLiteral {
    /// A text value from a string literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension PostgresValue: ExpressibleByIntegerLiteral {
    /// An `int8` value from an integer literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension PostgresValue: ExpressibleByBooleanLiteral {
    /// A boolean value from a boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension PostgresValue: ExpressibleByNilLiteral {
    /// SQL NULL from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension PostgresValue: ExpressibleByFloatLiteral {
    /// A `float8` value from a floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}
