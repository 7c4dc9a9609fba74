import Columnar

/// How partition files lay out their rows: the spatial index column first, rows
/// sorted by it (stably, so ties keep their order), as hats-import writes them.
public enum PartitionLayout {
    /// The table with `healpixColumn` first and its rows sorted by it.
    ///
    /// - Throws: ``HATSError`` (`invalidArgument`) when the column is missing or not int64.
    public static func sortedByIndex(_ table: Table, healpixColumn: String) throws(HATSError) -> Table {
        guard let column = table[healpixColumn], column.type == .int64 else {
            throw HATSError(.invalidArgument, path: nil, "the table has no int64 spatial index column '\(healpixColumn)'")
        }
        let ordered: Table
        do { ordered = try table.withIndexColumn(healpixColumn).withIndexColumnFirst() } catch {
            throw HATSError(.invalidArgument, path: nil, "\(error)")
        }
        guard let permutation = sortPermutation(column) else { return ordered }
        return ordered.gather(permutation)
    }

    /// The stable sorting permutation of an int64 column, or `nil` when it is already sorted.
    public static func sortPermutation(_ column: Column) -> [Int]? {
        column.values(as: Int64.self).withUnsafeBufferPointer { values -> [Int]? in
            var sorted = true
            if values.count > 1 {
                for i in 1..<values.count where values[i] < values[i - 1] { sorted = false; break }
            }
            if sorted { return nil }
            var keyed = [(key: Int64, row: Int)](unsafeUninitializedCapacity: values.count) { buffer, count in
                for i in 0..<values.count { buffer[i] = (values[i], i) }
                count = values.count
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
            return keyed.map(\.row)
        }
    }
}
