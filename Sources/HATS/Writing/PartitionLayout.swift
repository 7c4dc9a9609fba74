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
            return radixPermutation(values)
        }
    }

    /// A stable LSD radix sort of the values' order (11-bit digits over the bits that vary).
    static func radixPermutation(_ values: UnsafeBufferPointer<Int64>) -> [Int] {
        let n = values.count
        // Order-preserving unsigned keys, relative to the smallest.
        var low = UInt64.max, high = UInt64.min
        for v in values {
            let k = UInt64(bitPattern: v) ^ (1 << 63)
            low = min(low, k)
            high = max(high, k)
        }
        let bits = 64 - (high &- low).leadingZeroBitCount
        var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = (UInt64(bitPattern: values[i]) ^ (1 << 63)) &- low }
            count = n
        }
        var rows = [Int](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = i }
            count = n
        }
        var keys2 = [UInt64](repeating: 0, count: n)
        var rows2 = [Int](repeating: 0, count: n)
        let digitBits = 11, radix = 1 << digitBits
        var counts = [Int](repeating: 0, count: radix)
        var shift = 0
        while shift < bits {
            let s = UInt64(shift), mask = UInt64(radix - 1)
            keys.withUnsafeBufferPointer { k in
                rows.withUnsafeBufferPointer { r in
                    keys2.withUnsafeMutableBufferPointer { k2 in
                        rows2.withUnsafeMutableBufferPointer { r2 in
                            counts.withUnsafeMutableBufferPointer { c in
                                for i in 0..<radix { c[i] = 0 }
                                for i in 0..<n { c[Int((k[i] >> s) & mask)] += 1 }
                                var total = 0
                                for i in 0..<radix { let t = c[i]; c[i] = total; total += t }
                                for i in 0..<n {
                                    let d = Int((k[i] >> s) & mask)
                                    let at = c[d]
                                    c[d] = at + 1
                                    k2[at] = k[i]
                                    r2[at] = r[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keys2)
            swap(&rows, &rows2)
            shift += digitBits
        }
        return rows
    }
}
