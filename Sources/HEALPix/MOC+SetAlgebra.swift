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

extension MOC {
    /// Whether the two MOCs share any index inside `range` (order 29): whether
    /// `self ∩ other ∩ range` is non-empty, found without building the intersection.
    ///
    /// - Complexity: O(log n + k) for the k ranges of both MOCs that meet `range`
    ///   before the first shared index.
    public func overlaps(_ other: MOC, within range: Range<UInt64>) -> Bool {
        var i = Self.firstRange(ranges, endingAfter: range.lowerBound)
        var j = Self.firstRange(other.ranges, endingAfter: range.lowerBound)
        while i < ranges.count, j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lo = Swift.max(a.lowerBound, b.lowerBound, range.lowerBound)
            if lo >= range.upperBound { return false }
            if lo < Swift.min(a.upperBound, b.upperBound, range.upperBound) { return true }
            if a.upperBound <= b.upperBound { i += 1 } else { j += 1 }
        }
        return false
    }

    /// The position of the first range whose end is above `index`.
    static func firstRange(_ ranges: [Range<UInt64>], endingAfter index: UInt64) -> Int {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= index { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension MOC {
    /// The part of the MOC inside `range` (order 29), found by binary search: the cost
    /// depends on the part kept, not on the whole MOC.
    public func clipped(to range: Range<UInt64>) -> MOC {
        var out: [Range<UInt64>] = []
        var i = Self.firstRange(ranges, endingAfter: range.lowerBound)
        while i < ranges.count, ranges[i].lowerBound < range.upperBound {
            out.append(Swift.max(ranges[i].lowerBound, range.lowerBound)..<Swift.min(ranges[i].upperBound, range.upperBound))
            i += 1
        }
        return MOC(ranges: out, maxOrder: maxOrder)
    }
}
