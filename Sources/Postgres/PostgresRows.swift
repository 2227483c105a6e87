/// The rows a statement returned, in order. Safe to pass between threads; reading never blocks.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult

    /// The column names in the order of the select list.
    public var columnNames: [String] { result.columnNames }
    /// The number of rows a command affected (INSERT, UPDATE, DELETE, …).
    public var affectedRows: Int { result.affectedRows }

    /// The index of the first row.
    public var startIndex: Int { 0 }
    /// One past the index of the last row.
    public var endIndex: Int { result.rowCount }

    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow {
        PostgresRow(result: result, index: position)
    }
}
