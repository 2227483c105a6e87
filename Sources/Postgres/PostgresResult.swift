import CLibPQ

/// Owns one `PGresult` and clears it when the last reference goes. A result is read-only once
/// received, which libpq allows from any thread.
final class PostgresResult: @unchecked Sendable {
    let pointer: OpaquePointer
    let rowCount: Int
    let columnNames: [String]
    let columnTypes: [UInt32]
    private let columnIndexByName: [String: Int]

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        rowCount = Int(PQntuples(pointer))
        let columnCount = Int(PQnfields(pointer))
        var names: [String] = []
        var types: [UInt32] = []
        var indexByName: [String: Int] = [:]
        for column in 0..<columnCount {
            let name = String(cString: PQfname(pointer, Int32(column)))
            names.append(name)
            types.append(UInt32(PQftype(pointer, Int32(column))))
            if indexByName[name] == nil { indexByName[name] = column }
        }
        columnNames = names
        columnTypes = types
        columnIndexByName = indexByName
    }

    deinit { PQclear(pointer) }

    /// The number of rows a command affected (INSERT, UPDATE, DELETE, …), 0 when it does not say.
    var affectedRows: Int {
        Int(String(cString: PQcmdTuples(pointer))) ?? 0
    }

    func columnIndex(_ name: String) throws -> Int {
        guard let index = columnIndexByName[name] else {
            throw PostgresError(code: .decoding, serverMessage: "no column named \(name)")
        }
        return index
    }

    func checkColumn(_ index: Int) throws {
        guard columnNames.indices.contains(index) else {
            throw PostgresError(code: .decoding, serverMessage: "no column at index \(index)")
        }
    }

    func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(pointer, Int32(row), Int32(column)) == 1
    }

    /// The value's text bytes, valid as long as this result lives.
    func bytes(row: Int, column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(pointer, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(pointer, Int32(row), Int32(column))!)
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: length)
    }
}
