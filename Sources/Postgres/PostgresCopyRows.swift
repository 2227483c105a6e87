import Foundation

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format, built in memory: columns separated by
/// tabs, rows ended by a newline, NULL as `\N`, and a backslash, tab, newline or carriage return
/// in a value escaped. A value is written as a parameter of the same kind would be sent.
public struct PostgresCopyRows: Sendable {
    /// The rows as they go over the wire.
    public private(set) var bytes: [UInt8] = []
    /// How many rows there are.
    public private(set) var count = 0

    /// No rows.
    public init() {}

    /// Adds one row, its values in the order of the copy's columns.
    public mutating func append(_ row: [PostgresValue]) {
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            switch value {
            case .null:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "N"))
            case .text(let text):
                escape(text.utf8)
            case .jsonb(let data), .json(let data):
                escape(data)
            case .bytea(let data):
                // `\x` and hex digits; the backslash itself escaped for the copy format.
                bytes.append(contentsOf: Array(#"\\x"#.utf8))
                let digits = Array("0123456789abcdef".utf8)
                for byte in data {
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                }
            default:
                escape(value.textRepresentation?.utf8 ?? "".utf8)
            }
        }
        bytes.append(UInt8(ascii: "\n"))
        count += 1
    }

    /// Adds every row of `other` after these.
    public mutating func append(contentsOf other: PostgresCopyRows) {
        bytes.append(contentsOf: other.bytes)
        count += other.count
    }

    /// Removes every row, keeping the memory.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        count = 0
    }

    private mutating func escape(_ value: some Sequence<UInt8>) {
        // Most values hold none of the four bytes to escape: then they go in as one piece.
        let whole: Bool? = value.withContiguousStorageIfAvailable { stored in
            guard !stored.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") })
            else { return false }
            bytes.append(contentsOf: stored)
            return true
        }
        if whole == true { return }
        for byte in value {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            default: bytes.append(byte)
            }
        }
    }
}
