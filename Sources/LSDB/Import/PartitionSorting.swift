import Columnar
import HATS

/// Orders a partition's rows: by the spatial index, then by sort columns (hats-import's
/// `sort_columns`), stably.
enum PartitionSorting {
    /// The table with `index` first and rows sorted by it, then by `columns` (numeric).
    static func sorted(_ table: Table, by index: String, then columns: [String]) throws -> Table {
        guard !columns.isEmpty else { return try PartitionLayout.sortedByIndex(table, healpixColumn: index) }
        let h = Array(try table.column(named: index).values(as: Int64.self))
        let keys: [[Double]] = try columns.map { name in
            guard let column = table[name] else { throw LSDBError.unknownColumn(name, available: table.columnNames) }
            do { return Array(try column.cast(to: .float64).values(as: Double.self)) } catch {
                throw LSDBError.invalidArgument("sort column '\(name)' of type \(column.type) is not numeric")
            }
        }
        let order = (0..<table.rowCount).sorted { a, b in
            if h[a] != h[b] { return h[a] < h[b] }
            for key in keys where key[a] != key[b] { return key[a] < key[b] }
            return a < b
        }
        return try table.gather(order).withIndexColumn(index).withIndexColumnFirst()
    }
}
