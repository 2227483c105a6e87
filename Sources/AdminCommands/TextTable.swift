/// A plain-text table with a header, a rule and left-aligned columns; the last column is not padded.
struct TextTable {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(_ header: String...) {
        self.header = header
    }

    /// Adds a row; line breaks in a cell become spaces.
    mutating func append(_ cells: [String]) {
        rows.append(cells.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") })
    }

    /// The table with a line end after every line.
    var rendered: String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }
}
