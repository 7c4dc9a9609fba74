extension Column {
    /// Returns the rows in `range`.
    ///
    /// Zero-copy: fixed-width values, offsets and children are views of the same buffers (string,
    /// binary and list slices keep the parent's bytes or child, with offsets that no longer start
    /// at zero). Bit buffers (validity and `bool` values) are views when `range.lowerBound` is a
    /// multiple of 8 and are otherwise copied, which costs one bit per row.
    ///
    /// - Complexity: O(1), or O(*n* / 8) for an unaligned bit copy.
    public func slice(_ range: Range<Int>) -> Column {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) out of range 0..<\(count)")
        if range == 0..<count { return self }
        let validity = self.validity?.slice(range)
        let n = range.count
        switch type.layout {
        case .bits:
            return Column(unchecked: type, count: n, validity: validity, buffers: [bits.slice(range).buffer])
        case .fixed(let width):
            let values = buffers[0].slice(byteOffset: range.lowerBound * width, byteCount: n * width)
            return Column(unchecked: type, count: n, validity: validity, buffers: [values])
        case .variable:
            let offsets = buffers[0].slice(range.lowerBound..<(range.upperBound + 1), as: Int64.self)
            return Column(unchecked: type, count: n, validity: validity, buffers: [offsets, buffers[1]])
        case .list:
            let offsets = buffers[0].slice(range.lowerBound..<(range.upperBound + 1), as: Int64.self)
            return Column(unchecked: type, count: n, validity: validity, buffers: [offsets], children: children)
        case .structure:
            return Column(unchecked: type, count: n, validity: validity, buffers: [], children: children.map { $0.slice(range) })
        }
    }

    /// The first `n` rows (all rows when there are fewer).
    public func head(_ n: Int = 5) -> Column {
        slice(0..<Swift.min(Swift.max(n, 0), count))
    }

    /// The last `n` rows (all rows when there are fewer).
    public func tail(_ n: Int = 5) -> Column {
        slice(Swift.max(count - Swift.max(n, 0), 0)..<count)
    }
}
