extension Column: Equatable {
    /// Whether two columns hold the same values: equal types and lengths, nulls in the same rows,
    /// and the same stored bytes in every valid row.
    ///
    /// Values are compared as stored, so a NaN equals a NaN with the same bits and `-0.0` differs
    /// from `0.0`. Buffer sharing, offsets' starting points and the bytes under null slots do not
    /// matter.
    ///
    /// - Complexity: O(*n*) plus the bytes of the values compared.
    public static func == (lhs: Column, rhs: Column) -> Bool {
        guard lhs.type == rhs.type, lhs.count == rhs.count, lhs.nullCount == rhs.nullCount else { return false }
        if let a = lhs.validity, let b = rhs.validity, a != b { return false }
        let valid: [Int]? = lhs.validity?.setIndices()
        switch lhs.type.layout {
        case .bits:
            let (a, b) = (lhs.bits, rhs.bits)
            return valid.map { $0.allSatisfy { a[$0] == b[$0] } } ?? (a == b)
        case .fixed(let width):
            return lhs.buffers[0].withUnsafeBytes { a in
                rhs.buffers[0].withUnsafeBytes { b in
                    guard let rows = valid else {
                        return memoryEqual(a.baseAddress!, b.baseAddress!, lhs.count * width)
                    }
                    return rows.allSatisfy {
                        memoryEqual(a.baseAddress! + $0 * width, b.baseAddress! + $0 * width, width)
                    }
                }
            }
        case .variable:
            let (a, b) = (lhs.strings, rhs.strings)
            return (valid ?? Array(0..<lhs.count)).allSatisfy { row in
                a.withBytes(at: row) { x in b.withBytes(at: row) { y in x.elementsEqual(y) } }
            }
        case .list:
            let rows = valid ?? Array(0..<lhs.count)
            var left: [Int] = []
            var right: [Int] = []
            for row in rows {
                let (x, y) = (lhs.listRange(at: row), rhs.listRange(at: row))
                guard x.count == y.count else { return false }
                left.append(contentsOf: x)
                right.append(contentsOf: y)
            }
            return lhs.children[0].gather(left) == rhs.children[0].gather(right)
        case .structure:
            guard let rows = valid else { return lhs.children == rhs.children }
            return zip(lhs.children, rhs.children).allSatisfy { $0.gather(rows) == $1.gather(rows) }
        }
    }
}

private func memoryEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    UnsafeRawBufferPointer(start: a, count: count).elementsEqual(UnsafeRawBufferPointer(start: b, count: count))
}
