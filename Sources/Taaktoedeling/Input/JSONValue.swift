/// Any JSON value, for checking a request body field by field and for upcasting stored events.
public enum JSONValue: Codable, Sendable, Equatable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let waarde = try? container.decode(Bool.self) {
            self = .bool(waarde)
        } else if let waarde = try? container.decode(Int64.self) {
            self = .integer(waarde)
        } else if let waarde = try? container.decode(Double.self) {
            self = .number(waarde)
        } else if let waarde = try? container.decode(String.self) {
            self = .string(waarde)
        } else if let waarde = try? container.decode([JSONValue].self) {
            self = .array(waarde)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let waarde): try container.encode(waarde)
        case .integer(let waarde): try container.encode(waarde)
        case .number(let waarde): try container.encode(waarde)
        case .string(let waarde): try container.encode(waarde)
        case .array(let waarde): try container.encode(waarde)
        case .object(let waarde): try container.encode(waarde)
        }
    }

    /// The JSON type in Dutch, for problem messages.
    var soortNaam: String {
        switch self {
        case .null: "null"
        case .bool: "een boolean"
        case .integer, .number: "een getal"
        case .string: "een tekst"
        case .array: "een lijst"
        case .object: "een object"
        }
    }
}
