/// A multi-order coverage map (MOC) of the sky, as defined by the IVOA MOC standard
/// and implemented by mocpy.
///
/// The coverage is held as sorted, disjoint, non-adjacent half-open ranges of
/// order-29 NESTED indices (the `_healpix_29` space of HATS). A cell `h` at order
/// `k` is the range `[h << 2(29−k), (h+1) << 2(29−k))`.
///
/// Every MOC also has a ``maxOrder`` (mocpy's `max_order`, the "depth"): all its
/// range bounds are multiples of the size of an order-`maxOrder` cell. Two MOCs
/// are equal when their ranges and their `maxOrder` are equal.
///
///     let moc = MOC(order: 3, indices: [0, 1, 2, 3, 17])
///     moc.cells        // [(order: 2, index: 0), (order: 3, index: 17)]
///     moc.description  // "2/0 3/17", mocpy's ASCII form
///     moc.overlaps(HealpixPixel(order: 1, index: 0))  // true
public struct MOC: Hashable, Sendable {
    /// The covered order-29 index ranges: sorted, disjoint and not adjacent.
    public let ranges: [Range<UInt64>]

    /// The deepest order of the map; every range bound is aligned to a cell of this order.
    public let maxOrder: Int

    /// The number of order-29 indices on the whole sky, `12 · 4^29`.
    public static let order29IndexCount: UInt64 = 12 << 58

    /// Creates a MOC from ranges that are already normalised. No checks in release builds.
    @usableFromInline
    init(normalisedRanges: [Range<UInt64>], maxOrder: Int) {
        assert(MOC.isNormalised(normalisedRanges, maxOrder: maxOrder))
        self.ranges = normalisedRanges
        self.maxOrder = maxOrder
    }

    /// Adopts ranges that are already normalised (sorted, disjoint, not adjacent, non-empty,
    /// within the sky and aligned to order-`maxOrder` cells), as a reader that walks a map
    /// in pixel order produces them; `nil` when they are not.
    ///
    /// - Complexity: O(n) to check; the array is kept, not copied.
    public init?(validatingNormalised ranges: [Range<UInt64>], maxOrder: Int) {
        guard (0...Healpix.maxOrder).contains(maxOrder), MOC.isNormalised(ranges, maxOrder: maxOrder) else { return nil }
        self.init(normalisedRanges: ranges, maxOrder: maxOrder)
    }

    /// Creates a MOC from arbitrary order-29 ranges.
    ///
    /// The ranges are sorted and merged. Bounds that are not aligned to an
    /// order-`maxOrder` cell are widened outwards to one, so the result covers
    /// every input index (as mocpy does when it degrades a range MOC). Empty
    /// ranges are ignored; bounds past the end of the sky are clamped.
    ///
    /// - Parameters:
    ///   - ranges: half-open ranges of order-29 indices, in any order.
    ///   - maxOrder: the order of the map, in `0...29`.
    /// - Complexity: O(n log n) for n ranges, O(n) when they are already sorted.
    public init<S: Sequence>(ranges: S, maxOrder: Int = Healpix.maxOrder)
    where S.Element == Range<UInt64> {
        precondition((0...Healpix.maxOrder).contains(maxOrder), "MOC order must be in 0...29")
        let shift = UInt64(2 * (Healpix.maxOrder - maxOrder))
        let lowMask: UInt64 = (1 << shift) - 1
        var input: [Range<UInt64>] = []
        input.reserveCapacity(ranges.underestimatedCount)
        var sorted = true
        for r in ranges {
            let lower = r.lowerBound & ~lowMask
            let upper = min((r.upperBound &+ lowMask) & ~lowMask, MOC.order29IndexCount)
            guard lower < upper, r.lowerBound < r.upperBound else { continue }
            if let last = input.last, last.lowerBound > lower { sorted = false }
            input.append(lower..<upper)
        }
        if !sorted { input.sort { $0.lowerBound < $1.lowerBound } }
        self.init(normalisedRanges: MOC.mergeSorted(input), maxOrder: maxOrder)
    }

    /// Creates a MOC made of the given cells of one order.
    ///
    /// - Parameters:
    ///   - order: the order of the cells, in `0...29`; it becomes the MOC's ``maxOrder``.
    ///   - indices: NESTED indices at `order`, in any order, duplicates allowed.
    public init<S: Sequence>(order: Int, indices: S) where S.Element == UInt64 {
        precondition((0...Healpix.maxOrder).contains(order), "MOC order must be in 0...29")
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        let count = UInt64(12) << UInt64(2 * order)
        var sortedIndices = Array(indices)
        for i in sortedIndices { precondition(i < count, "pixel \(i) does not exist at order \(order)") }
        sortedIndices.sort()
        var result: [Range<UInt64>] = []
        var i = 0
        while i < sortedIndices.count {
            let first = sortedIndices[i]
            var last = first
            i += 1
            while i < sortedIndices.count, sortedIndices[i] <= last &+ 1 {
                last = sortedIndices[i]
                i += 1
            }
            result.append((first << shift)..<((last + 1) << shift))
        }
        self.init(normalisedRanges: result, maxOrder: order)
    }

    /// Creates a MOC made of cells of several orders, given as `(order, index)` pairs.
    ///
    /// - Parameters:
    ///   - cells: the cells; each order must be in `0...29`.
    ///   - maxOrder: the order of the map; defaults to the deepest order among the cells
    ///     (0 when there are none). Cells deeper than it are widened to their ancestor.
    public init(cells: [(order: Int, index: UInt64)], maxOrder: Int? = nil) {
        let order = maxOrder ?? cells.map(\.order).max() ?? 0
        self.init(ranges: cells.map { MOC.order29Range(order: $0.order, index: $0.index) }, maxOrder: order)
    }

    /// The empty MOC at the given order.
    public static func empty(maxOrder: Int = 0) -> MOC {
        MOC(normalisedRanges: [], maxOrder: maxOrder)
    }

    /// The MOC covering the whole sky, at the given order.
    public static func fullSky(maxOrder: Int = 0) -> MOC {
        MOC(normalisedRanges: [0..<order29IndexCount], maxOrder: maxOrder)
    }

    /// Whether the MOC covers nothing.
    public var isEmpty: Bool { ranges.isEmpty }

    /// The number of order-29 indices covered.
    public var order29Count: UInt64 {
        ranges.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) }
    }

    /// The covered fraction of the sky, in `[0, 1]` (mocpy's `sky_fraction`).
    public var skyFraction: Double {
        Double(order29Count) / Double(MOC.order29IndexCount)
    }

    /// The order-29 range of the cell `index` at `order`.
    @inlinable
    public static func order29Range(order: Int, index: UInt64) -> Range<UInt64> {
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        return (index << shift)..<((index + 1) << shift)
    }

    /// Merges sorted (by lower bound) ranges into disjoint, non-adjacent ranges.
    static func mergeSorted(_ sorted: [Range<UInt64>]) -> [Range<UInt64>] {
        guard var current = sorted.first else { return [] }
        var merged: [Range<UInt64>] = []
        merged.reserveCapacity(sorted.count)
        for r in sorted.dropFirst() {
            if r.lowerBound <= current.upperBound {
                if r.upperBound > current.upperBound { current = current.lowerBound..<r.upperBound }
            } else {
                merged.append(current)
                current = r
            }
        }
        merged.append(current)
        return merged
    }

    /// Checks the invariants of ``ranges``.
    static func isNormalised(_ ranges: [Range<UInt64>], maxOrder: Int) -> Bool {
        let mask: UInt64 = (1 << UInt64(2 * (Healpix.maxOrder - maxOrder))) - 1
        var previousEnd: UInt64? = nil
        for r in ranges {
            if r.isEmpty || r.upperBound > order29IndexCount { return false }
            if r.lowerBound & mask != 0 || r.upperBound & mask != 0 { return false }
            if let end = previousEnd, r.lowerBound <= end { return false }
            previousEnd = r.upperBound
        }
        return true
    }
}
