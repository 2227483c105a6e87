import Foundation

extension JSONValue {
    /// Reads a JSON text (RFC 8259, UTF-8, an optional byte order mark) into the value
    /// `JSONDecoder().decode(JSONValue.self, from:)` gives for it, without Foundation's decoder: a
    /// request body is read on every command. It refuses more than Foundation does (a trailing comma,
    /// another encoding than UTF-8, a whole number from 2^53 up written with a fraction or an
    /// exponent), never less: a caller that must accept what Foundation accepts asks Foundation when
    /// this refuses (`APIJSON.body`). Checked against `JSONDecoder` in `JSONValueParsingTests`.
    public init(parsing bytes: UnsafeRawBufferPointer) throws {
        var text = bytes
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { text = UnsafeRawBufferPointer(rebasing: text[3...]) }
        let document = try ParsedJSON(text, dates: .iso8601)
        self = try document.jsonValue(at: 0)
    }

    /// `init(parsing:)` for bytes in a `Data` or an array.
    public init(parsing bytes: some ContiguousBytes) throws {
        self = try bytes.withUnsafeBytes { try JSONValue(parsing: $0) }
    }
}

extension ParsedJSON {
    /// The node at `index` and everything under it as a `JSONValue`, as strictly as RFC 8259 reads it.
    func jsonValue(at index: Int) throws -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return try strictNumber(node)
        case .string, .escapedString: return .string(try strictString(node))
        case .array:
            var values: [JSONValue] = []
            values.reserveCapacity(node.count)
            var child = index + 1
            for _ in 0..<node.count {
                values.append(try jsonValue(at: child))
                child = nodes[child].next
            }
            return .array(values)
        case .object:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(node.count / 2)
            var child = index + 1
            for _ in 0..<(node.count / 2) {
                let name = try strictString(nodes[child])
                let valueIndex = nodes[child].next
                let value = try jsonValue(at: valueIndex)
                // A name given twice keeps its first value, as Foundation's decoder does.
                if members[name] == nil { members[name] = value }
                child = nodes[valueIndex].next
            }
            return .object(members)
        }
    }

    /// A number of RFC 8259's grammar (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`): an
    /// integer when it is a whole value that fits in 64 bits (`1.0` and `1e2` too, as Foundation
    /// reads them: through the double below 2^53), else a finite double.
    private func strictNumber(_ node: Node) throws -> JSONValue {
        var at = node.start
        let end = node.end
        func digits() -> Int {
            let from = at
            while at < end, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            return at - from
        }
        let negative = bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        let integerStart = at
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw invalidNumber(node) }
        var plain = true
        if at < end, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw invalidNumber(node) }
            plain = false
        }
        if at < end, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < end, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw invalidNumber(node) }
            plain = false
        }
        guard at == end else { throw invalidNumber(node) }
        if plain, integerDigits <= 18 {
            var value: Int64 = 0
            for position in integerStart..<end { value = value * 10 + Int64(bytes[position] - UInt8(ascii: "0")) }
            return .integer(negative ? -value : value)
        }
        let text = numberText(node)
        guard let double = Double(text), double.isFinite else { throw invalidNumber(node) }
        if plain { return Int64(text).map(JSONValue.integer) ?? .number(double) }
        guard let whole = Int64(exactly: double) else { return .number(double) }
        // A whole value from 2^53 up, written with a fraction or an exponent, Foundation reads again
        // as a `Decimal` (its digits, not the double's): left to it.
        guard double.magnitude < 9_007_199_254_740_992 else { throw invalidNumber(node) }
        return .integer(whole)
    }

    private func invalidNumber(_ node: Node) -> DecodingError {
        Self.corrupt("Invalid number \(numberText(node)) at offset \(node.start).")
    }

    /// A string node's text: valid UTF-8, its escapes those of JSON, a `\u` surrogate only in a pair.
    private func strictString(_ node: Node) throws -> String {
        try bytes.withUnsafeBufferPointer { all in
            let body = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[node.start..<node.end])
            guard let raw = String(validating: body, as: UTF8.self) else {
                throw Self.corrupt("Invalid UTF-8 in a string at offset \(node.start).")
            }
            guard node.kind == .escapedString else { return raw }
            guard let text = JSONStringEscapes.unescaped(body, strict: true) else {
                throw Self.corrupt("Invalid escape in a string at offset \(node.start).")
            }
            return text
        }
    }
}
