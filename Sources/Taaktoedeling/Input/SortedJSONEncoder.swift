import Foundation

/// Writes an `Encodable` value as JSON with sorted keys: the bytes Foundation's `JSONEncoder` writes
/// with `.sortedKeys` (and the same date, slash and number conventions), at a fraction of its cost.
///
/// Commands and the projection rebuild write a dossier's state and its views for every change; with
/// Foundation's encoder that was the largest part of their CPU time. This one keeps the tree it
/// builds small (members in arrays, strings as they are, sorted once when written) and writes bytes
/// directly. What it writes is checked against `JSONEncoder` byte for byte (`SortedJSONEncoderTests`).
public struct SortedJSONEncoder: Sendable {
    /// How an instant is written.
    public enum Dates: Sendable {
        /// `2026-12-01T09:30:00Z`: UTC, whole seconds (`JSONEncoder.DateEncodingStrategy.iso8601`).
        case iso8601
        /// Seconds since 2001-01-01 as a number (`.deferredToDate`): exact, for stored state.
        case secondsSinceReferenceDate
    }

    /// How instants are written.
    public var dates: Dates
    /// Whether `/` is written as `\/` (`JSONEncoder` without `.withoutEscapingSlashes`).
    public var escapesSlashes: Bool
    /// Flags the values' `encode(to:)` can read (`Encoder.userInfo`): true for each key.
    public var flags: [CodingUserInfoKey]

    /// An encoder with these conventions.
    public init(dates: Dates = .iso8601, escapesSlashes: Bool = false, flags: [CodingUserInfoKey] = []) {
        self.dates = dates
        self.escapesSlashes = escapesSlashes
        self.flags = flags
    }

    /// `value` as JSON bytes.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(of: value))
    }

    /// `value` as JSON bytes, in an array.
    public func bytes<T: Encodable>(of value: T) throws -> [UInt8] {
        let encoder = TreeEncoder(dates: dates, userInfo: Dictionary(uniqueKeysWithValues: flags.map { ($0, true as Any) }))
        var writer = Writer(escapesSlashes: escapesSlashes)
        if T.self == Dossier.self {
            // The state and the views of every command: their top level written by hand.
            try (value as! Dossier).writeSortedJSON(to: &writer, encoder: encoder)
        } else {
            try writer.write(try encoder.node(for: value))
        }
        return writer.output
    }
}

// MARK: The tree

/// A JSON value as the encoder collects it.
enum JSONNode {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    case object(JSONObjectNode)
    case array(JSONArrayNode)
    /// A value encoded through `superEncoder()`: whatever that encoder got.
    case deferred(TreeEncoder)
}

/// An object's members in the order they were encoded; sorted (the last of equal keys winning) when written.
final class JSONObjectNode {
    var members: [(key: String, value: JSONNode)] = []
}

/// An array's elements.
final class JSONArrayNode {
    var elements: [JSONNode] = []
}

// MARK: The Encoder

final class TreeEncoder: Encoder, SingleValueEncodingContainer {
    let dates: SortedJSONEncoder.Dates
    let userInfo: [CodingUserInfoKey: Any]
    var result: JSONNode?
    var codingPath: [any CodingKey] { [] }

    init(dates: SortedJSONEncoder.Dates, userInfo: [CodingUserInfoKey: Any]) {
        self.dates = dates
        self.userInfo = userInfo
    }

    /// An encoder for a value inside this one.
    func inner() -> TreeEncoder {
        TreeEncoder(dates: dates, userInfo: userInfo)
    }

    /// `value` as a node: the common kinds directly (a type comparison, no dynamic cast for the
    /// others), anything else through its `encode(to:)`; the kinds JSONEncoder writes in its own way
    /// (instants, ids, URLs, bytes) as it writes them.
    func node<T: Encodable>(for value: T) throws -> JSONNode {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .integer(Int64(value as! Int)) }
        if T.self == Int64.self { return .integer(value as! Int64) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Date.self { return date(value as! Date) }
        if T.self == UUID.self { return .string((value as! UUID).uppercasedString) }
        if T.self == Double.self { return .double(value as! Double) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        let encoder = inner()
        try value.encode(to: encoder)
        // A value that encodes nothing is an empty object, as with JSONEncoder.
        return encoder.result ?? .object(JSONObjectNode())
    }

    func date(_ date: Date) -> JSONNode {
        switch dates {
        case .secondsSinceReferenceDate: return .double(date.timeIntervalSinceReferenceDate)
        case .iso8601: return .string(SortedJSONEncoder.iso8601(date))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let existing)? = result { return KeyedEncodingContainer(ObjectContainer(encoder: self, object: existing)) }
        let object = JSONObjectNode()
        result = .object(object)
        return KeyedEncodingContainer(ObjectContainer(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let existing)? = result { return ArrayContainer(encoder: self, array: existing) }
        let array = JSONArrayNode()
        result = .array(array)
        return ArrayContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // SingleValueEncodingContainer
    func encodeNil() throws { result = .null }
    func encode(_ value: Bool) throws { result = .bool(value) }
    func encode(_ value: String) throws { result = .string(value) }
    func encode(_ value: Double) throws { result = .double(value) }
    func encode(_ value: Float) throws { result = .float(value) }
    func encode(_ value: Int) throws { result = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { result = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { result = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { result = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { result = .integer(value) }
    func encode(_ value: UInt) throws { result = .unsigned(UInt64(value)) }
    func encode(_ value: UInt8) throws { result = .unsigned(UInt64(value)) }
    func encode(_ value: UInt16) throws { result = .unsigned(UInt64(value)) }
    func encode(_ value: UInt32) throws { result = .unsigned(UInt64(value)) }
    func encode(_ value: UInt64) throws { result = .unsigned(value) }
    func encode<T: Encodable>(_ value: T) throws { result = try node(for: value) }
}

struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let object: JSONObjectNode
    var codingPath: [any CodingKey] { [] }

    private func set(_ node: JSONNode, _ key: Key) { object.members.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.float(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.unsigned(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try encoder.node(for: value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        set(.object(nested), key)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        set(.array(nested), key)
        return ArrayContainer(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let inner = encoder.inner()
        object.members.append(("super", .deferred(inner)))
        return inner
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let inner = encoder.inner()
        set(.deferred(inner), key)
        return inner
    }
}

struct ArrayContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let array: JSONArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.elements.append(.double(value)) }
    mutating func encode(_ value: Float) throws { array.elements.append(.float(value)) }
    mutating func encode(_ value: Int) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { array.elements.append(.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { array.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { array.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { array.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { array.elements.append(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.elements.append(try encoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        array.elements.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        array.elements.append(.array(nested))
        return ArrayContainer(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let inner = encoder.inner()
        array.elements.append(.deferred(inner))
        return inner
    }
}

// MARK: Writing

extension SortedJSONEncoder {
    struct Writer {
        let escapesSlashes: Bool
        var output: [UInt8] = []

        static let null = Array("null".utf8)
        static let waar = Array("true".utf8)
        static let onwaar = Array("false".utf8)

        init(escapesSlashes: Bool) {
            self.escapesSlashes = escapesSlashes
            output.reserveCapacity(1024)
        }

        mutating func write(_ node: JSONNode) throws {
            switch node {
            case .null: output.append(contentsOf: Self.null)
            case .bool(let flag): output.append(contentsOf: flag ? Self.waar : Self.onwaar)
            case .integer(let number): writeInteger(number)
            case .unsigned(let number): output.append(contentsOf: String(number).utf8)
            case .double(let number): try writeNumber(number.description, finite: number.isFinite, value: number)
            case .float(let number): try writeNumber(number.description, finite: number.isFinite, value: Double(number))
            case .string(let text): writeString(text)
            case .deferred(let encoder): try write(encoder.result ?? .object(JSONObjectNode()))
            case .array(let array):
                output.append(UInt8(ascii: "["))
                for (index, element) in array.elements.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    try write(element)
                }
                output.append(UInt8(ascii: "]"))
            case .object(let object):
                output.append(UInt8(ascii: "{"))
                var members = object.members
                if members.count > 1 {
                    // Sorted by key; of equal keys the one encoded last counts (as a dictionary keeps it).
                    let order = members.indices.sorted { members[$0].key < members[$1].key || (members[$0].key == members[$1].key && $0 < $1) }
                    var sorted: [(key: String, value: JSONNode)] = []
                    sorted.reserveCapacity(members.count)
                    for position in order {
                        if let last = sorted.last, last.key == members[position].key { sorted.removeLast() }
                        sorted.append(members[position])
                    }
                    members = sorted
                }
                for (index, member) in members.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    writeString(member.key)
                    output.append(UInt8(ascii: ":"))
                    try write(member.value)
                }
                output.append(UInt8(ascii: "}"))
            }
        }

        private mutating func writeInteger(_ number: Int64) {
            if number >= 0 && number < 10 {
                output.append(UInt8(ascii: "0") + UInt8(number))
                return
            }
            output.append(contentsOf: String(number).utf8)
        }

        /// Swift's shortest representation, without a trailing `.0` (as JSONEncoder writes numbers).
        private mutating func writeNumber(_ text: String, finite: Bool, value: Double) throws {
            guard finite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no \(text)"))
            }
            var text = text
            if text.hasSuffix(".0") { text.removeLast(2) }
            output.append(contentsOf: text.utf8)
        }

        /// A string as JSONEncoder writes it: `"` and `\` escaped, `\b \f \n \r \t`, other controls
        /// as `\u00xx`, `/` as `\/` when asked; every other byte as it is.
        mutating func writeString(_ text: String) {
            output.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    let escape: (UInt8, UInt8)?
                    switch byte {
                    case UInt8(ascii: "\""): escape = (0x5C, 0x22)
                    case UInt8(ascii: "\\"): escape = (0x5C, 0x5C)
                    case UInt8(ascii: "/") where escapesSlashes: escape = (0x5C, 0x2F)
                    case 0x08: escape = (0x5C, UInt8(ascii: "b"))
                    case 0x0C: escape = (0x5C, UInt8(ascii: "f"))
                    case 0x0A: escape = (0x5C, UInt8(ascii: "n"))
                    case 0x0D: escape = (0x5C, UInt8(ascii: "r"))
                    case 0x09: escape = (0x5C, UInt8(ascii: "t"))
                    case 0x00..<0x20: escape = nil
                    default: continue
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    start = index + 1
                    if let (first, second) = escape {
                        output.append(first)
                        output.append(second)
                    } else {
                        let digits: [UInt8] = Array("0123456789abcdef".utf8)
                        output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    /// `date` as `2026-12-01T09:30:00Z`: UTC, the second it falls in (Foundation's `.iso8601`);
    /// a year outside 0001–9999 through Foundation's own formatting.
    static func iso8601(_ date: Date) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(20)
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.magnitude < 1e15, ISO8601UTC.append(seconds: Int(seconds), to: &text) else { return date.formatted(.iso8601) }
        return String(decoding: text, as: UTF8.self)
    }
}
