import HEALPix

/// How two pixel trees are aligned (hats' `PixelAlignmentType`).
public enum PixelAlignmentType: String, Sendable, Hashable {
    /// Only where both trees have partitions.
    case inner
    /// Everywhere the left tree has partitions.
    case left
    /// Everywhere the right tree has partitions.
    case right
    /// Everywhere either tree has partitions.
    case outer
}

/// The alignment of two catalogs' partitions (hats' `align_trees`): one entry per
/// aligned pixel, the smaller of each overlapping pair, with the partitions of each
/// side that hold it.
///
///     let pairs = PixelAlignment.align(left: [HealpixPixel(order: 0, index: 0)],
///                                      right: [HealpixPixel(order: 2, index: 5), HealpixPixel(order: 1, index: 3)],
///                                      type: .inner)
///     // (0/0, 2/5, aligned 2/5), (0/0, 1/3, aligned 1/3)
public struct PixelAlignment: Sendable, Hashable {
    /// One aligned pixel and the partition of each side that holds it (`nil` where
    /// that side has none).
    public struct Entry: Sendable, Hashable {
        /// The left partition containing the aligned pixel.
        public var left: HealpixPixel?
        /// The right partition containing the aligned pixel.
        public var right: HealpixPixel?
        /// The aligned pixel: the smaller of the two partitions, or a gap-filling cell.
        public var aligned: HealpixPixel

        /// Creates an entry.
        public init(left: HealpixPixel?, right: HealpixPixel?, aligned: HealpixPixel) {
            self.left = left
            self.right = right
            self.aligned = aligned
        }
    }

    /// The aligned pixels in breadth-first order.
    public var entries: [Entry]

    /// An alignment with these entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Aligns two sets of disjoint partitions.
    ///
    /// Overlapping partitions are paired at the smaller pixel. For `.left`, `.right` and
    /// `.outer`, the parts of a kept side's partitions that the other side lacks are
    /// covered by the largest HEALPix cells that fit, paired with `nil`.
    public static func align(left: [HealpixPixel], right: [HealpixPixel], type: PixelAlignmentType) -> PixelAlignment {
        let l = left.sorted { $0.range29.lowerBound < $1.range29.lowerBound }
        let r = right.sorted { $0.range29.lowerBound < $1.range29.lowerBound }
        let keepLeft = type == .left || type == .outer
        let keepRight = type == .right || type == .outer
        var entries: [Entry] = []
        var i = 0, j = 0
        // How far each side's current partition has been covered already.
        var leftCovered: UInt64? = nil, rightCovered: UInt64? = nil

        func fill(_ range: Range<UInt64>, left: HealpixPixel?, right: HealpixPixel?) {
            for cell in largestCells(range) { entries.append(Entry(left: left, right: right, aligned: cell)) }
        }

        while i < l.count || j < r.count {
            let lp = i < l.count ? l[i] : nil, rp = j < r.count ? r[j] : nil
            let lr = lp.map { ($0.range29.lowerBound)..<($0.range29.upperBound) }
            let rr = rp.map { ($0.range29.lowerBound)..<($0.range29.upperBound) }
            let lStart = Swift.max(lr?.lowerBound ?? 0, leftCovered ?? 0)
            let rStart = Swift.max(rr?.lowerBound ?? 0, rightCovered ?? 0)
            if let lp, let lr, rr == nil || lr.upperBound <= rr!.lowerBound {
                // The rest of the left partition meets no right partition.
                if keepLeft, lStart < lr.upperBound { fill(lStart..<lr.upperBound, left: lp, right: nil) }
                i += 1; leftCovered = nil
                continue
            }
            if let rp, let rr, lr == nil || rr.upperBound <= lr!.lowerBound {
                if keepRight, rStart < rr.upperBound { fill(rStart..<rr.upperBound, left: nil, right: rp) }
                j += 1; rightCovered = nil
                continue
            }
            guard let lp, let rp, let lr, let rr else { break }
            // Overlapping HEALPix cells: one contains the other.
            if lr.lowerBound < rr.lowerBound, keepLeft, lStart < rr.lowerBound {
                fill(lStart..<rr.lowerBound, left: lp, right: nil)
            }
            if rr.lowerBound < lr.lowerBound, keepRight, rStart < lr.lowerBound {
                fill(rStart..<lr.lowerBound, left: nil, right: rp)
            }
            if lp == rp {
                entries.append(Entry(left: lp, right: rp, aligned: lp))
                i += 1; j += 1; leftCovered = nil; rightCovered = nil
            } else if lp.order > rp.order {
                entries.append(Entry(left: lp, right: rp, aligned: lp))
                i += 1; leftCovered = nil; rightCovered = lr.upperBound
                if rightCovered == rr.upperBound { j += 1; rightCovered = nil }
            } else {
                entries.append(Entry(left: lp, right: rp, aligned: rp))
                j += 1; rightCovered = nil; leftCovered = rr.upperBound
                if leftCovered == lr.upperBound { i += 1; leftCovered = nil }
            }
        }
        return PixelAlignment(entries: entries)
    }

    /// The largest HEALPix cells covering an order-29 range, in range order (hats'
    /// `_add_pixels_until`).
    static func largestCells(_ range: Range<UInt64>) -> [HealpixPixel] {
        var cells: [HealpixPixel] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var level = start == 0 ? Healpix.maxOrder : Swift.min(start.trailingZeroBitCount / 2, Healpix.maxOrder)
            while level > 0 && start + (UInt64(1) << UInt64(2 * level)) > range.upperBound { level -= 1 }
            cells.append(HealpixPixel(order: Healpix.maxOrder - level, index: start >> UInt64(2 * level)))
            start += UInt64(1) << UInt64(2 * level)
        }
        return cells
    }

    /// Keeps the entries whose aligned pixel overlaps the MOC (hats' `align_with_mocs` filter).
    public func filtered(by moc: MOC) -> PixelAlignment {
        PixelAlignment(entries: entries.filter { moc.overlaps($0.aligned) })
    }

    /// The aligned pixels.
    public var pixels: [HealpixPixel] { entries.map(\.aligned) }
}
