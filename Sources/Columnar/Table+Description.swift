extension Table: CustomStringConvertible {
    /// The table as pandas prints a DataFrame with pyarrow dtypes; see ``formatted(head:tail:maxCellWidth:)``.
    public var description: String { formatted() }

    /// Renders the table as text, like pandas' DataFrame printout.
    ///
    /// - The left column holds the row labels: the index column's values when one is marked (with
    ///   its name on a second header line, as pandas shows a named index), otherwise row numbers
    ///   from 0. The index column is not repeated among the data columns.
    /// - Values are right-aligned under right-aligned headers, columns separated by two spaces.
    /// - With more than `head + tail` rows, the first `head` and last `tail` rows are shown with a
    ///   row of `...` between them (`..` in columns narrower than three characters).
    /// - Nulls print as `<NA>`, floats in Swift's shortest round-trip form (`0.1`, `1e-05`),
    ///   booleans as `True`/`False` (``Scalar/description``); cells wider than `maxCellWidth`
    ///   are cut and end in `...`.
    /// - The last line is `[N rows x M columns]` (M excludes the index column), after a blank line.
    ///
    /// Unlike pandas, wide tables are never folded or cut by column.
    public func formatted(head: Int = 5, tail: Int = 5, maxCellWidth: Int = 50) -> String {
        let truncated = rowCount > head + tail
        let rows: [Int?] = truncated
            ? Array(0..<head).map { Optional($0) } + [nil] + Array((rowCount - tail)..<rowCount).map { Optional($0) }
            : Array(0..<rowCount).map { Optional($0) }
        let indexPosition = indexColumnName.flatMap { schema.firstIndex(of: $0) }
        let dataPositions = columns.indices.filter { $0 != indexPosition }

        func cell(_ column: Column, _ row: Int?) -> String {
            guard let row else { return "" }
            let text = column[row].description
            guard text.count > maxCellWidth else { return text }
            return String(text.prefix(Swift.max(maxCellWidth - 3, 0))) + "..."
        }

        let labels: [String] = rows.map { row in
            if let indexPosition { return cell(columns[indexPosition], row) }
            return row.map(String.init) ?? ""
        }
        let indexName = indexPosition.map { schema.fields[$0].name }
        let labelWidth = (labels + [indexName ?? ""]).map(\.count).max() ?? 0

        var grid: [[String]] = []
        var widths: [Int] = []
        for position in dataPositions {
            let cells = rows.map { cell(columns[position], $0) }
            grid.append(cells)
            widths.append(([schema.fields[position].name] + cells).map(\.count).max() ?? 0)
        }

        func pad(_ text: String, _ width: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: Swift.max(width - text.count, 0))
            return left ? text + fill : fill + text
        }
        func ellipsis(_ width: Int) -> String {
            String(repeating: ".", count: Swift.min(Swift.max(width, 2), 3))
        }
        func line(_ label: String, _ values: [String], elided: Bool = false) -> String {
            var text = pad(elided ? ellipsis(labelWidth) : label, labelWidth, left: true)
            for (value, width) in zip(values, widths) {
                text += "  " + pad(elided ? ellipsis(width) : value, width, left: false)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }

        var lines = [line("", dataPositions.map { schema.fields[$0].name })]
        if let indexName { lines.append(line(indexName, [])) }
        for (r, label) in labels.enumerated() {
            lines.append(line(label, grid.map { $0[r] }, elided: rows[r] == nil))
        }
        lines.append("")
        lines.append("[\(rowCount) rows x \(dataPositions.count) columns]")
        return lines.joined(separator: "\n")
    }
}

extension Column: CustomStringConvertible {
    /// The type, length and the first and last few values: `double[4]: [1.0, <NA>, 3.0, 4.0]`.
    public var description: String {
        let shown: [String]
        if count > 10 {
            shown = (0..<5).map { self[$0].description } + ["..."] + ((count - 5)..<count).map { self[$0].description }
        } else {
            shown = (0..<count).map { self[$0].description }
        }
        return "\(type)[\(count)]: [\(shown.joined(separator: ", "))]"
    }
}
