/// A plain-text table for the terminal: columns padded to their widest cell (counted in
/// characters), two spaces apart, each line indented by two spaces, no trailing blanks.
public enum TextTable {
    /// - Parameters:
    ///   - rows: the header first, then the data rows; short rows are padded with empty cells.
    ///   - rightAligned: the columns (0-based) whose cells are aligned right (numbers).
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) }
        }
        return rows.map { row in
            var line = "  "
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : ""
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                line += c == 0 ? "" : "  "
                line += rightAligned.contains(c) ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
