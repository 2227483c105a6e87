/// One row of a result; read its columns by name or by index as typed Swift values.
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let index: Int

    /// Reads a non-NULL column by name; throws a `.decoding` error for NULL or a type mismatch.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, _ column: String) throws -> Value {
        try decode(type, at: result.columnIndex(column))
    }

    /// Reads a non-NULL column by index; throws a `.decoding` error for NULL or a type mismatch.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, at column: Int) throws -> Value {
        guard let value = try decodeIfPresent(type, at: column) else {
            throw PostgresError(code: .decoding, serverMessage: "column \(result.columnNames[column]) is NULL, expected \(Value.self)")
        }
        return value
    }

    /// Reads a column by name, nil for NULL; throws a `.decoding` error on a type mismatch.
    public func decodeIfPresent<Value: PostgresDecodable>(_ type: Value.Type, _ column: String) throws -> Value? {
        try decodeIfPresent(type, at: result.columnIndex(column))
    }

    /// Reads a column by index, nil for NULL; throws a `.decoding` error on a type mismatch.
    public func decodeIfPresent<Value: PostgresDecodable>(_ type: Value.Type, at column: Int) throws -> Value? {
        try result.checkColumn(column)
        if result.isNull(row: index, column: column) { return nil }
        let typeOID = result.columnTypes[column]
        guard Value.accepts(typeOID: typeOID),
              let value = Value.decode(text: result.bytes(row: index, column: column), typeOID: typeOID)
        else {
            throw PostgresError(code: .decoding, serverMessage: "column \(result.columnNames[column]) of type \(typeOID) is not readable as \(Value.self)")
        }
        return value
    }

    /// True when the named column is NULL.
    public func isNull(_ column: String) throws -> Bool {
        try result.isNull(row: index, column: result.columnIndex(column))
    }
}
