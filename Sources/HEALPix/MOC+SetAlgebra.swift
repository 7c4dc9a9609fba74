extension MOC {
    /// The cells covered by either MOC.
    ///
    /// The result's ``maxOrder`` is the larger of the two orders (as in mocpy).
    /// - Complexity: O(n + m), a linear merge of the two range lists.
    public func union(_ other: MOC) -> MOC {
        let order = Swift.max(maxOrder, other.maxOrder)
        if other.isEmpty { return MOC(normalisedRanges: ranges, maxOrder: order) }
        if isEmpty { return MOC(normalisedRanges: other.ranges, maxOrder: order) }
        var result: [Range<UInt64>] = []
        result.reserveCapacity(ranges.count + other.ranges.count)
        var i = 0, j = 0
        var current: Range<UInt64>? = nil
        while i < ranges.count || j < other.ranges.count {
            let next: Range<UInt64>
            if j == other.ranges.count || (i < ranges.count && ranges[i].lowerBound <= other.ranges[j].lowerBound) {
                next = ranges[i]
                i += 1
            } else {
                next = other.ranges[j]
                j += 1
            }
            if let c = current, next.lowerBound <= c.upperBound {
                current = c.lowerBound..<Swift.max(c.upperBound, next.upperBound)
            } else {
                if let c = current { result.append(c) }
                current = next
            }
        }
        if let c = current { result.append(c) }
        return MOC(normalisedRanges: result, maxOrder: order)
    }

    /// The cells covered by both MOCs.
    ///
    /// The result's ``maxOrder`` is the larger of the two orders (as in mocpy).
    /// - Complexity: O(n + m).
    public func intersection(_ other: MOC) -> MOC {
        let order = Swift.max(maxOrder, other.maxOrder)
        var result: [Range<UInt64>] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lower = Swift.max(a.lowerBound, b.lowerBound)
            let upper = Swift.min(a.upperBound, b.upperBound)
            if lower < upper { result.append(lower..<upper) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return MOC(normalisedRanges: result, maxOrder: order)
    }

    /// The cells covered by this MOC and not by `other`.
    ///
    /// The result's ``maxOrder`` is the larger of the two orders.
    /// - Complexity: O(n + m).
    public func subtracting(_ other: MOC) -> MOC {
        let order = Swift.max(maxOrder, other.maxOrder)
        var result: [Range<UInt64>] = []
        var j = 0
        for a in ranges {
            var lower = a.lowerBound
            while j < other.ranges.count && other.ranges[j].upperBound <= lower { j += 1 }
            var k = j
            while k < other.ranges.count && other.ranges[k].lowerBound < a.upperBound {
                let b = other.ranges[k]
                if b.lowerBound > lower { result.append(lower..<b.lowerBound) }
                lower = Swift.max(lower, b.upperBound)
                if b.upperBound >= a.upperBound { break }
                k += 1
            }
            if lower < a.upperBound { result.append(lower..<a.upperBound) }
        }
        return MOC(normalisedRanges: result, maxOrder: order)
    }

    /// The part of the sky this MOC does not cover, at the same ``maxOrder``.
    public var complement: MOC {
        MOC.fullSky(maxOrder: maxOrder).subtracting(self)
    }

    /// Whether every cell of `other` is covered by this MOC.
    /// - Complexity: O(n + m).
    public func isSuperset(of other: MOC) -> Bool {
        var i = 0
        for b in other.ranges {
            while i < ranges.count && ranges[i].upperBound <= b.lowerBound { i += 1 }
            guard i < ranges.count, ranges[i].lowerBound <= b.lowerBound,
                  ranges[i].upperBound >= b.upperBound else { return false }
        }
        return true
    }

    /// Whether the two MOCs share at least one order-29 index.
    /// - Complexity: O(n + m).
    public func overlaps(_ other: MOC) -> Bool {
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            if a.lowerBound < b.upperBound && b.lowerBound < a.upperBound { return true }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return false
    }
}
