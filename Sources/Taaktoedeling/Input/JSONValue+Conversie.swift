import Foundation

extension JSONValue {
    /// Converts any encodable value into a `JSONValue`.
    static func uit<T: Encodable>(_ waarde: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(waarde))
    }

    /// Decodes a `JSONValue` as `T`, reporting a failure as an invalid payload of `type`.
    static func decodeer<T: Decodable>(_ soort: T.Type, uit waarde: JSONValue, type: String) throws -> T {
        do {
            return try JSONDecoder().decode(soort, from: JSONEncoder().encode(waarde))
        } catch {
            throw DossierEventDecodingError.ongeldigePayload(type: type, reden: String(describing: error))
        }
    }
}
