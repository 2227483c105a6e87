import Foundation
import Taaktoedeling
import ServerTestSupport

/// Checks a JSON value against a schema of the OpenAPI document, as far as this API's document uses
/// JSON Schema: `$ref`, `anyOf`, `type`, `enum`, `const`, `properties`, `required`,
/// `additionalProperties: false` and `items`. Returns every mismatch with its JSON path.
struct SchemaValidator {
    let document: JSONValue

    init(documentText: String) throws {
        document = try JSONDecoder().decode(JSONValue.self, from: Data(documentText.utf8))
    }

    /// The mismatches of a response body against `#/components/schemas/<schemaName>`.
    func problems(_ body: Data, against schemaName: String) throws -> [String] {
        let value = try JSONDecoder().decode(JSONValue.self, from: body)
        return problems(value, .object(["$ref": .string("#/components/schemas/\(schemaName)")]), path: "$")
    }

    private func resolve(_ schema: JSONValue) -> [String: JSONValue] {
        guard case .object(let members) = schema else { return [:] }
        guard case .string(let reference)? = members["$ref"] else { return members }
        var node = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case .object(let children) = node, let child = children[String(part)] else { return [:] }
            node = child
        }
        return resolve(node)
    }

    private func problems(_ value: JSONValue, _ rawSchema: JSONValue, path: String) -> [String] {
        let schema = resolve(rawSchema)
        if case .array(let alternatives)? = schema["anyOf"] {
            return alternatives.contains { problems(value, $0, path: path).isEmpty } ? [] : ["\(path): matches no alternative"]
        }
        var found: [String] = []
        switch schema["type"] {
        case .string(let type)?:
            if !Self.value(value, is: type) { return ["\(path): not of type \(type)"] }
        case .array(let types)?:
            let names = types.compactMap { if case .string(let name) = $0 { name } else { nil } }
            if !names.contains(where: { Self.value(value, is: $0) }) { return ["\(path): not of type \(names)"] }
        default:
            break
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) { found.append("\(path): \(value) not in enum") }
        if let constant = schema["const"], constant != value { found.append("\(path): not \(constant)") }
        if case .object(let object) = value {
            let properties: [String: JSONValue]
            if case .object(let described)? = schema["properties"] { properties = described } else { properties = [:] }
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where object[name] == nil {
                    found.append("\(path).\(name): required but missing")
                }
            }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[name] {
                    found += problems(member, propertySchema, path: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path).\(name): not described")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() { found += problems(element, items, path: "\(path)[\(index)]") }
        }
        return found
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool),
            ("integer", .integer), ("number", .integer), ("number", .number):
            return true
        default:
            return false
        }
    }
}
