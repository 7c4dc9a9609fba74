extension MOC {
    /// The smallest covering MOC at a coarser (or equal) order.
    ///
    /// Every range is widened outwards to whole cells of `order`, so the result is a
    /// superset of `self`; cells partially covered become fully covered (mocpy's
    /// `degrade_to_order`). A deeper `order` only changes ``maxOrder``.
    public func degraded(toOrder order: Int) -> MOC {
        precondition((0...Healpix.maxOrder).contains(order), "MOC order must be in 0...29")
        guard order < maxOrder else { return MOC(normalisedRanges: ranges, maxOrder: order) }
        return MOC(ranges: ranges, maxOrder: order)
    }

    /// The indices of the cells at `order` that overlap the MOC, sorted.
    ///
    /// Cells partially covered are included, so at an order below ``maxOrder`` this is
    /// the covering set of ``degraded(toOrder:)``.
    public func pixels(atOrder order: Int) -> [UInt64] {
        precondition((0...Healpix.maxOrder).contains(order), "MOC order must be in 0...29")
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        var result: [UInt64] = []
        for r in ranges {
            var first = r.lowerBound >> shift
            let last = (r.upperBound - 1) >> shift
            if let previous = result.last, previous >= first { first = previous + 1 }
            if first <= last { result.append(contentsOf: first...last) }
        }
        return result
    }

    /// The cells at `order` that overlap the MOC, as sorted, disjoint, non-adjacent
    /// inclusive runs of indices: the form `lsdb healpix cone` prints, and the
    /// `_healpix_29`-style range filters hats derives at an index order.
    public func pixelRanges(atOrder order: Int) -> [ClosedRange<UInt64>] {
        precondition((0...Healpix.maxOrder).contains(order), "MOC order must be in 0...29")
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        var result: [ClosedRange<UInt64>] = []
        for r in ranges {
            let first = r.lowerBound >> shift
            let last = (r.upperBound - 1) >> shift
            if let previous = result.last, previous.upperBound + 1 >= first {
                result[result.count - 1] = previous.lowerBound...Swift.max(previous.upperBound, last)
            } else {
                result.append(first...last)
            }
        }
        return result
    }

    /// The minimal multi-order decomposition: the fewest HEALPix cells whose union is
    /// the MOC, sorted by order, then index (the order of mocpy's ASCII and FITS forms).
    public var cells: [(order: Int, index: UInt64)] {
        var byOrder = [[UInt64]](repeating: [], count: Healpix.maxOrder + 1)
        for r in ranges {
            var start = r.lowerBound
            while start < r.upperBound {
                // The largest aligned cell starting at `start` that fits in the range.
                var level = start == 0 ? Healpix.maxOrder : Swift.min(start.trailingZeroBitCount / 2, Healpix.maxOrder)
                while level > 0 && start + (UInt64(1) << UInt64(2 * level)) > r.upperBound { level -= 1 }
                byOrder[Healpix.maxOrder - level].append(start >> UInt64(2 * level))
                start += UInt64(1) << UInt64(2 * level)
            }
        }
        var result: [(order: Int, index: UInt64)] = []
        for (order, indices) in byOrder.enumerated() {
            for index in indices { result.append((order, index)) }
        }
        return result
    }
}
