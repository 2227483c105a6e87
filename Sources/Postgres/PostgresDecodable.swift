import Foundation

/// A Swift type that can be read from a column's text representation.
public protocol PostgresDecodable {
    /// Whether a column of this PostgreSQL type OID may be read as this Swift type.
    static func accepts(typeOID: UInt32) -> Bool
    /// The value for the column's text bytes, or nil when they do not parse.
    static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Self?
}

extension String: PostgresDecodable {
    /// Any column can be read as its text representation.
    public static func accepts(typeOID: UInt32) -> Bool { true }
    /// The text as sent by the server (UTF-8).
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> String? {
        String(decoding: text, as: UTF8.self)
    }
}

extension Int64: PostgresDecodable {
    /// `int2`, `int4`, `int8`, `oid`, `xid8` and integral `numeric` columns.
    public static func accepts(typeOID: UInt32) -> Bool {
        PostgresTypeOID.integers.contains(typeOID) || typeOID == PostgresTypeOID.numeric || typeOID == PostgresTypeOID.xid8
    }
    /// The decimal integer, nil when it has a fraction or does not fit.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Int64? {
        Int64(String(decoding: text, as: UTF8.self))
    }
}

extension UInt64: PostgresDecodable {
    /// Integer columns and `xid8` (a 64-bit transaction id).
    public static func accepts(typeOID: UInt32) -> Bool { Int64.accepts(typeOID: typeOID) }
    /// The decimal integer, nil when negative or too large.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> UInt64? {
        UInt64(String(decoding: text, as: UTF8.self))
    }
}

extension Int: PostgresDecodable {
    /// The same columns as `Int64`.
    public static func accepts(typeOID: UInt32) -> Bool { Int64.accepts(typeOID: typeOID) }
    /// The decimal integer, nil when it does not fit.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Int? {
        Int(String(decoding: text, as: UTF8.self))
    }
}

extension Int32: PostgresDecodable {
    /// The same columns as `Int64`.
    public static func accepts(typeOID: UInt32) -> Bool { Int64.accepts(typeOID: typeOID) }
    /// The decimal integer, nil when it does not fit.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Int32? {
        Int32(String(decoding: text, as: UTF8.self))
    }
}

extension Bool: PostgresDecodable {
    /// `bool` columns.
    public static func accepts(typeOID: UInt32) -> Bool { typeOID == PostgresTypeOID.bool }
    /// `t` or `f`.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Bool? {
        guard text.count == 1 else { return nil }
        switch text[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }
}

extension Double: PostgresDecodable {
    /// Floating-point, `numeric` and integer columns.
    public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == PostgresTypeOID.float8 || typeOID == PostgresTypeOID.float4 || Int64.accepts(typeOID: typeOID)
    }
    /// The number, including `NaN` and `±Infinity`.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Double? {
        switch String(decoding: text, as: UTF8.self) {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        case let other: Double(other)
        }
    }
}

extension UUID: PostgresDecodable {
    /// `uuid` columns, and text columns holding a UUID.
    public static func accepts(typeOID: UInt32) -> Bool {
        [PostgresTypeOID.uuid, PostgresTypeOID.text, PostgresTypeOID.varchar, PostgresTypeOID.unknown].contains(typeOID)
    }
    /// The UUID, nil when the text is not one.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> UUID? {
        UUID(uuidString: String(decoding: text, as: UTF8.self))
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` columns, and `timestamp` columns taken as UTC.
    public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == PostgresTypeOID.timestamptz || typeOID == PostgresTypeOID.timestamp
    }
    /// The instant to the microsecond; `infinity` becomes `distantFuture`, `-infinity` `distantPast`.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> Date? {
        guard let micros = PostgresTimestamp.parseMicroseconds(text) else { return nil }
        if micros == .max { return .distantFuture }
        if micros == .min { return .distantPast }
        return PostgresTimestamp.date(microsecondsSince1970: micros)
    }
}

/// The bytes of a `bytea` column.
public struct PostgresBytes: PostgresDecodable, Sendable {
    /// The raw bytes.
    public let data: Data

    /// `bytea` columns.
    public static func accepts(typeOID: UInt32) -> Bool { typeOID == PostgresTypeOID.bytea }
    /// Bytes from the hex output format (`\x0a1b…`).
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> PostgresBytes? {
        guard text.count >= 2, text.count % 2 == 0, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.count / 2 - 1)
        var index = 2
        while index < text.count {
            guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return PostgresBytes(data: Data(bytes))
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The UTF-8 text of a `json` or `jsonb` column.
public struct PostgresJSON: PostgresDecodable, Sendable {
    /// The document as UTF-8 bytes (for `jsonb`, PostgreSQL's normalised output).
    public let data: Data

    /// `json` and `jsonb` columns.
    public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == PostgresTypeOID.jsonb || typeOID == PostgresTypeOID.json
    }
    /// The document's bytes as sent by the server.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> PostgresJSON? {
        PostgresJSON(data: Data(text))
    }
}

/// The UTF-8 bytes of a `text` column as the server sent them, without making a `String`: for
/// text that is passed on as bytes (a large rendered document).
public struct PostgresTextBytes: PostgresDecodable, Sendable {
    /// The text's bytes.
    public let data: Data

    /// `text` and `varchar` columns.
    public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == PostgresTypeOID.text || typeOID == PostgresTypeOID.varchar
    }
    /// The text's bytes as sent by the server.
    public static func decode(text: UnsafeBufferPointer<UInt8>, typeOID: UInt32) -> PostgresTextBytes? {
        PostgresTextBytes(data: Data(text))
    }
}
