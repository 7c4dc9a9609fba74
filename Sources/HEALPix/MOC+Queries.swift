extension MOC {
    /// The position of the first range whose upper bound is above `index`
    /// (`ranges.count` when there is none).
    @inlinable
    func firstRange(endingAfter index: UInt64) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= index { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether the order-29 index is covered.
    /// - Complexity: O(log n).
    @inlinable
    public func contains(order29Index index: UInt64) -> Bool {
        let k = firstRange(endingAfter: index)
        return k < ranges.count && ranges[k].lowerBound <= index
    }

    /// Whether the whole order-29 range lies inside the MOC.
    /// - Complexity: O(log n).
    public func contains(_ range: Range<UInt64>) -> Bool {
        guard !range.isEmpty else { return true }
        let k = firstRange(endingAfter: range.lowerBound)
        return k < ranges.count && ranges[k].lowerBound <= range.lowerBound
            && ranges[k].upperBound >= range.upperBound
    }

    /// Whether the order-29 range shares at least one index with the MOC.
    ///
    /// This is the test hats' `filter_by_moc` applies to partitions:
    /// `a.start < b.end && b.start < a.end`.
    /// - Complexity: O(log n).
    @inlinable
    public func overlaps(_ range: Range<UInt64>) -> Bool {
        guard !range.isEmpty else { return false }
        let k = firstRange(endingAfter: range.lowerBound)
        return k < ranges.count && ranges[k].lowerBound < range.upperBound
    }

    /// Whether the cell `index` at `order` lies entirely inside the MOC.
    public func contains(order: Int, index: UInt64) -> Bool {
        contains(MOC.order29Range(order: order, index: index))
    }

    /// Whether the cell `index` at `order` overlaps the MOC.
    @inlinable
    public func overlaps(order: Int, index: UInt64) -> Bool {
        overlaps(MOC.order29Range(order: order, index: index))
    }

    /// The positions, in `indices`, of the cells at `order` that overlap the MOC.
    ///
    /// This is the partition-pruning query: given the partitions of a catalog, which
    /// ones can hold rows in the region. Sorted input is swept linearly; any other
    /// input is answered by binary search.
    /// - Complexity: O(n + m) for sorted `indices`, O(n log m) otherwise.
    public func overlappingPositions(order: Int, indices: [UInt64]) -> [Int] {
        var kept: [Int] = []
        var k = 0
        var previous: UInt64? = nil
        for (position, index) in indices.enumerated() {
            let range = MOC.order29Range(order: order, index: index)
            if let p = previous, p <= index {
                while k < ranges.count && ranges[k].upperBound <= range.lowerBound { k += 1 }
            } else {
                k = firstRange(endingAfter: range.lowerBound)
            }
            previous = index
            if k < ranges.count && ranges[k].lowerBound < range.upperBound { kept.append(position) }
        }
        return kept
    }

    /// The cells at `order`, among `indices`, that overlap the MOC, in input order.
    public func overlapping(order: Int, indices: [UInt64]) -> [UInt64] {
        overlappingPositions(order: order, indices: indices).map { indices[$0] }
    }
}
