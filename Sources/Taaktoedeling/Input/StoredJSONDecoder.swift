import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads JSON into a `Decodable` value as Foundation's `JSONDecoder` does (the same values, the same
/// date conventions), for the JSON the product writes and reads back on every command and rebuild:
/// a dossier's stored state and its events. It parses the bytes once into a flat list of nodes and
/// decodes from there without copying a member's name or a string without escapes before it is
/// asked for. Checked against `JSONDecoder` in `StoredJSONDecoderTests`.
public struct StoredJSONDecoder: Sendable {
    /// How instants are read (as `SortedJSONEncoder` writes them).
    public var dates: SortedJSONEncoder.Dates

    /// A decoder reading instants as `dates`.
    public init(dates: SortedJSONEncoder.Dates = .iso8601) {
        self.dates = dates
    }

    /// The value of type `T` in `data`; a `DecodingError` when the JSON is not valid or does not fit.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let document = try data.withUnsafeBytes { raw in try ParsedJSON(raw, dates: dates) }
        return try document.value(T.self, at: 0, path: [])
    }
}

// MARK: Parsing

/// A JSON text as a flat list of nodes in document order; a container's children follow it.
final class ParsedJSON {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, escapedString, object, array
    }

    struct Node {
        var kind: Kind
        /// Byte range of a number, or of a string's inside (without quotes).
        var start: Int
        var end: Int
        /// A container's number of children (an object's: twice its members, key and value).
        var count: Int
        /// The index of the node after this one's subtree.
        var next: Int
    }

    let bytes: [UInt8]
    var nodes: [Node] = []
    let dates: SortedJSONEncoder.Dates

    init(_ raw: UnsafeRawBufferPointer, dates: SortedJSONEncoder.Dates) throws {
        bytes = Array(raw)
        self.dates = dates
        nodes.reserveCapacity(bytes.count / 8 + 4)
        var index = 0
        try parseValue(&index, depth: 0)
        skipWhitespace(&index)
        guard index == bytes.count else { throw Self.corrupt("Unexpected bytes after the JSON value at offset \(index).") }
    }

    static func corrupt(_ message: String, _ path: @autoclosure () -> [any CodingKey] = []) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(), debugDescription: message))
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }

    private func parseValue(_ index: inout Int, depth: Int) throws {
        skipWhitespace(&index)
        guard index < bytes.count else { throw Self.corrupt("Unexpected end of the JSON text.") }
        guard depth < 512 else { throw Self.corrupt("The JSON text is nested too deeply.") }
        let position = nodes.count
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = bytes[index] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            nodes.append(Node(kind: isObject ? .object : .array, start: index, end: index, count: 0, next: 0))
            index += 1
            skipWhitespace(&index)
            var count = 0
            if index < bytes.count, bytes[index] == close {
                index += 1
            } else {
                while true {
                    if isObject {
                        skipWhitespace(&index)
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Self.corrupt("Expected a member name at offset \(index).") }
                        try parseValue(&index, depth: depth + 1)
                        skipWhitespace(&index)
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Self.corrupt("Expected ':' at offset \(index).") }
                        index += 1
                        count += 1
                    }
                    try parseValue(&index, depth: depth + 1)
                    count += 1
                    skipWhitespace(&index)
                    guard index < bytes.count else { throw Self.corrupt("Unexpected end of the JSON text.") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == close else { throw Self.corrupt("Expected ',' or the container's end at offset \(index).") }
                    index += 1
                    break
                }
            }
            nodes[position].count = count
            nodes[position].end = index
        case UInt8(ascii: "\""):
            index += 1
            let start = index
            var escaped = false
            while true {
                guard index < bytes.count else { throw Self.corrupt("Unterminated string at offset \(start - 1).") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                    continue
                }
                guard byte >= 0x20 else { throw Self.corrupt("Unescaped control character in a string at offset \(index).") }
                index += 1
            }
            nodes.append(Node(kind: escaped ? .escapedString : .string, start: start, end: index, count: 0, next: 0))
            index += 1
        case UInt8(ascii: "t"): try literal("true", .true, &index)
        case UInt8(ascii: "f"): try literal("false", .false, &index)
        case UInt8(ascii: "n"): try literal("null", .null, &index)
        default:
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
                default:
                    guard digits > 0 else { throw Self.corrupt("Unexpected character at offset \(start).") }
                    nodes.append(Node(kind: .number, start: start, end: index, count: 0, next: 0))
                    nodes[position].next = nodes.count
                    return
                }
                index += 1
            }
            guard digits > 0 else { throw Self.corrupt("Unexpected character at offset \(start).") }
            nodes.append(Node(kind: .number, start: start, end: index, count: 0, next: 0))
        }
        nodes[position].next = nodes.count
    }

    private func literal(_ text: StaticString, _ kind: Kind, _ index: inout Int) throws {
        let count = text.utf8CodeUnitCount
        let matches = index + count <= bytes.count && bytes.withUnsafeBufferPointer { memcmp(text.utf8Start, $0.baseAddress! + index, count) == 0 }
        guard matches else { throw Self.corrupt("Unexpected character at offset \(index).") }
        nodes.append(Node(kind: kind, start: index, end: index + count, count: 0, next: 0))
        index += count
    }

    // MARK: Values

    func string(at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> String {
        let node = nodes[index]
        switch node.kind {
        case .string: return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self) }
        case .escapedString:
            guard let text = bytes.withUnsafeBufferPointer({ JSONStringEscapes.unescaped(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer($0)[node.start..<node.end])) }) else {
                throw Self.corrupt("Invalid escape in a string at offset \(node.start).", path())
            }
            return text
        default: throw mismatch(String.self, index, path())
        }
    }

    func mismatch(_ type: Any.Type, _ index: Int, _ path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        let found: String
        switch nodes[index].kind {
        case .null: found = "null"
        case .true, .false: found = "a boolean"
        case .number: found = "a number"
        case .string, .escapedString: found = "a string"
        case .object: found = "an object"
        case .array: found = "an array"
        }
        if nodes[index].kind == .null {
            return .valueNotFound(type, .init(codingPath: path(), debugDescription: "Expected \(type) value but found null instead."))
        }
        return .typeMismatch(type, .init(codingPath: path(), debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }

    func bool(at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch nodes[index].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, index, path())
        }
    }

    /// An integer: its digits exactly, or a number with a fraction or exponent that is a whole value.
    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        let node = nodes[index]
        guard node.kind == .number else { throw mismatch(T.self, index, path()) }
        var position = node.start
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value: T = 0
        var plain = true
        while position < node.end {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { plain = false; break }
            let digit = T(byte - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else {
                throw Self.corrupt("Number \(numberText(node)) does not fit in \(T.self).", path())
            }
            value = next
            position += 1
        }
        if plain { return value }
        guard let double = Double(numberText(node)), let exact = T(exactly: double) else {
            throw Self.corrupt("Number \(numberText(node)) does not fit in \(T.self).", path())
        }
        return exact
    }

    func numberText(_ node: Node) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self) }
    }

    func double(at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> Double {
        let node = nodes[index]
        guard node.kind == .number else { throw mismatch(Double.self, index, path()) }
        guard let value = Double(numberText(node)), value.isFinite else {
            throw Self.corrupt("Number \(numberText(node)) is not a valid Double.", path())
        }
        return value
    }

    func date(at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> Date {
        switch dates {
        case .secondsSinceReferenceDate: return Date(timeIntervalSinceReferenceDate: try double(at: index, path: path()))
        case .iso8601:
            let text = try string(at: index, path: path())
            if let date = Self.iso8601(text) { return date }
            throw Self.corrupt("Expected date string to be ISO8601-formatted.", path())
        }
    }

    /// `2026-12-01T09:30:00Z` by hand; any other ISO 8601 form through Foundation's parser.
    static func iso8601(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        if utf8.count == 20, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"), utf8[10] == UInt8(ascii: "T"),
            utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "Z")
        {
            func number(_ from: Int, _ count: Int) -> Int32? {
                var value: Int32 = 0
                for byte in utf8[from..<(from + count)] {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int32(byte - UInt8(ascii: "0"))
                }
                return value
            }
            if let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
                hour < 24, minute < 60, second < 60, year >= 1
            {
                var parts = tm()
                parts.tm_year = year - 1900
                parts.tm_mon = month - 1
                parts.tm_mday = day
                parts.tm_hour = hour
                parts.tm_min = minute
                parts.tm_sec = second
                let seconds = timegm(&parts)
                // timegm normalises an impossible day (31 April): such a text is not this form.
                if parts.tm_mday == day, parts.tm_mon == month - 1 { return Date(timeIntervalSince1970: Double(seconds)) }
                return nil
            }
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The value of type `T` at node `index`: the common kinds directly, anything else through its
    /// `init(from:)`; the kinds JSONDecoder reads in its own way (instants, URLs, bytes) as it does.
    func value<T: Decodable>(_ type: T.Type, at index: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        if T.self == String.self { return try string(at: index, path: path()) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index, path: path()) as! T }
        if T.self == Int64.self { return try integer(Int64.self, at: index, path: path()) as! T }
        if T.self == Bool.self { return try bool(at: index, path: path()) as! T }
        if T.self == Double.self { return try double(at: index, path: path()) as! T }
        if T.self == Date.self { return try date(at: index, path: path()) as! T }
        if T.self == UUID.self {
            guard let id = UUID(text: try string(at: index, path: path())) else {
                throw Self.corrupt("Attempted to decode UUID from invalid UUID string.", path())
            }
            return id as! T
        }
        if T.self == URL.self {
            guard let url = URL(string: try string(at: index, path: path())) else { throw Self.corrupt("Invalid URL string.", path()) }
            return url as! T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(at: index, path: path())) else {
                throw Self.corrupt("Encountered Data is not valid Base64.", path())
            }
            return data as! T
        }
        return try T(from: NodeDecoder(document: self, index: index, path: path()))
    }
}

// MARK: The Decoder

struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let document: ParsedJSON
    let index: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(document: ParsedJSON, index: Int, path: [any CodingKey]) {
        self.document = document
        self.index = index
        self.codingPath = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[index].kind == .object else { throw document.mismatch([String: Any].self, index, codingPath) }
        return KeyedDecodingContainer(ObjectReader<Key>(document: document, index: index, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.nodes[index].kind == .array else { throw document.mismatch([Any].self, index, codingPath) }
        return ArrayReader(document: document, index: index, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { document.nodes[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: index, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try document.string(at: index, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(at: index, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float {
        let value = try document.double(at: index, path: codingPath)
        guard let float = Float(exactly: value) ?? (abs(value) <= Double(Float.greatestFiniteMagnitude) ? Float(value) : nil) else {
            throw ParsedJSON.corrupt("Number \(value) does not fit in Float.", codingPath)
        }
        return float
    }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(Int.self, at: index, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(Int8.self, at: index, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(Int16.self, at: index, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(Int32.self, at: index, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(Int64.self, at: index, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(UInt.self, at: index, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(UInt8.self, at: index, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(UInt16.self, at: index, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(UInt32.self, at: index, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(UInt64.self, at: index, path: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.value(T.self, at: index, path: codingPath) }
}

/// A coding key made from a member's name (for `allKeys`, paths and `superDecoder`).
struct NamedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

struct ObjectReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: ParsedJSON
    let codingPath: [any CodingKey]
    /// Each member's name node and value node, in document order.
    private let members: [(name: Int, value: Int)]
    /// By name, for a large object (a dictionary): built once.
    private let byName: [String: Int]?

    init(document: ParsedJSON, index: Int, codingPath: [any CodingKey]) {
        self.document = document
        self.codingPath = codingPath
        var members: [(name: Int, value: Int)] = []
        let count = document.nodes[index].count / 2
        members.reserveCapacity(count)
        var child = index + 1
        for _ in 0..<count {
            let value = child + 1
            members.append((child, value))
            child = document.nodes[value].next
        }
        self.members = members
        if count > 12 {
            var byName: [String: Int] = [:]
            byName.reserveCapacity(count)
            // The last of equal names counts, as in JSONDecoder.
            for member in members { byName[(try? document.string(at: member.name, path: [])) ?? ""] = member.value }
            self.byName = byName
        } else {
            byName = nil
        }
    }

    var allKeys: [Key] {
        var seen: Set<String> = []
        return members.reversed().compactMap { member -> Key? in
            guard let name = try? document.string(at: member.name, path: []), seen.insert(name).inserted else { return nil }
            return Key(stringValue: name)
        }.reversed()
    }

    /// The value node of `key`, or nil.
    private func find(_ key: Key) -> Int? {
        find(name: key.stringValue)
    }

    /// The value node of the member called `name`, or nil.
    private func find(name: String) -> Int? {
        if let byName { return byName[name] }
        var found: Int?
        var name8 = name
        name8.withUTF8 { wanted in
            document.bytes.withUnsafeBufferPointer { bytes in
                // The last of equal names counts: search from the end.
                for member in members.reversed() {
                    let node = document.nodes[member.name]
                    if node.kind == .string {
                        guard node.end - node.start == wanted.count,
                            wanted.count == 0 || memcmp(bytes.baseAddress! + node.start, wanted.baseAddress!, wanted.count) == 0
                        else { continue }
                        found = member.value
                        return
                    }
                    if (try? document.string(at: member.name, path: [])) == name {
                        found = member.value
                        return
                    }
                }
            }
        }
        return found
    }

    private func require(_ key: Key) throws -> Int {
        guard let index = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { document.nodes[try require(key)].kind == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try document.value(T.self, at: try require(key), path: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = find(key), document.nodes[index].kind != .null else { return nil }
        return try document.value(T.self, at: index, path: codingPath + [key])
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(at: try require(key), path: codingPath + [key]) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(at: try require(key), path: codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(Int.self, at: try require(key), path: codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(Int64.self, at: try require(key), path: codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(at: try require(key), path: codingPath + [key]) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = find(key), document.nodes[index].kind != .null else { return nil }
        return try document.string(at: index, path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(document: document, index: try require(key), path: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(document: document, index: try require(key), path: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = NamedKey(stringValue: "super")
        guard let index = find(name: "super") else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key super."))
        }
        return NodeDecoder(document: document, index: index, path: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(document: document, index: try require(key), path: codingPath + [key])
    }
}

struct ArrayReader: UnkeyedDecodingContainer {
    let document: ParsedJSON
    let codingPath: [any CodingKey]
    let count: Int?
    private(set) var currentIndex = 0
    /// The node of the next element.
    private var node: Int

    init(document: ParsedJSON, index: Int, codingPath: [any CodingKey]) {
        self.document = document
        self.codingPath = codingPath
        count = document.nodes[index].count
        node = index + 1
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private mutating func advance<T>(_ type: T.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end."))
        }
        let current = node
        node = document.nodes[current].next
        currentIndex += 1
        return current
    }

    private var path: [any CodingKey] { codingPath + [NamedKey(intValue: currentIndex)!] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any?.self, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end.")) }
        if document.nodes[node].kind == .null {
            _ = try advance(Any?.self)
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let elementPath = path
        return try document.value(T.self, at: try advance(T.self), path: elementPath)
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let elementPath = path
        return try document.string(at: try advance(String.self), path: elementPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let elementPath = path
        return try NodeDecoder(document: document, index: try advance(type), path: elementPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let elementPath = path
        return try NodeDecoder(document: document, index: try advance([Any].self), path: elementPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let elementPath = path
        return NodeDecoder(document: document, index: try advance(Any.self), path: elementPath)
    }
}
