import _ColumnarShims

/// A uniform grid of cubic cells over unit vectors, answering the same "k nearest
/// points closer than a chord" queries as ``KDTree`` when the search chord is small
/// against the spacing of the points (the usual crossmatch: arcseconds against
/// arcminutes).
///
/// The cell side is at least twice the search chord, so every point closer than the
/// chord to a query lies in one of the at most 2×2×2 cells that the query's
/// axis-aligned box touches. Points are stored grouped by cell, cells in the order
/// their first point came (HEALPix-sorted partitions keep neighbouring cells close
/// in memory), and an open-addressing table maps a cell's packed coordinates to its
/// run of points. Building is two linear passes; a query is a few table probes.
struct CellGrid: Sendable {
    /// One slot of the open-addressing table: a cell's packed coordinates (or
    /// `emptyKey`) and its run of points.
    fileprivate struct Slot {
        var key: UInt64
        var start: Int32
        var end: Int32
    }

    /// `(x, y, z, original index)` of every point, grouped by cell.
    private var points: [SIMD4<Double>]
    private var slots: [Slot] = []
    private let shift: UInt64
    private let inverseSide: Double
    /// The chord the cell boxes are widened by; a little larger than the search chord.
    private let reach: Double
    fileprivate static let emptyKey = UInt64.max
    private static let hashMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Bits per axis, so that three cell coordinates pack into 63 bits.
    fileprivate static let axisBits: UInt64 = 21
    fileprivate static let axisLimit: UInt64 = (1 << axisBits) - 1

    /// The number of points.
    var count: Int { points.count }

    /// The mean number of points in the cell of a point (Σ cell size² / n): what a query
    /// scans per probed cell. Large values mean the grid is too coarse for the data.
    private(set) var meanOccupancy: Double = 0

    /// Builds the grid over points given by their unit vectors and original indices, for
    /// queries up to `maxChord`, with cells `sideFactor` times the chord (at least 2).
    init(points source: [SIMD4<Double>], maxChord: Double, sideFactor: Double) {
        let minimumSide = 2.0 / Double((1 << Self.axisBits) - 2)
        let side = Swift.max(maxChord * Swift.max(2, sideFactor), minimumSide)
        inverseSide = 1 / side
        reach = maxChord * (1 + 1e-9) + 1e-15
        let n = source.count
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        points = source
        var slots = [Slot](repeating: Slot(key: Self.emptyKey, start: 0, end: 0), count: capacity)
        defer { self.slots = slots }
        guard n > 0 else { return }
        var slotOfPoint = [Int32](repeating: 0, count: n)
        var cellOrder: [Int32] = []
        let shift = self.shift, inverse = inverseSide
        slots.withUnsafeMutableBufferPointer { table in
            @inline(__always) func keyAndSlot(_ i: Int) -> (UInt64, Int) {
                let p = source[i]
                let key = pack(cell(p.x, inverse), cell(p.y, inverse), cell(p.z, inverse))
                return (key, Self.slot(key, shift))
            }
            let lookahead = 8
            var ring = [(UInt64, Int)](repeating: (0, 0), count: lookahead)
            for i in 0..<min(lookahead, n) {
                ring[i] = keyAndSlot(i)
                columnar_prefetch(table.baseAddress! + ring[i].1)
            }
            for i in 0..<n {
                var (key, slot) = ring[i % lookahead]
                if i + lookahead < n {
                    let next = keyAndSlot(i + lookahead)
                    ring[(i + lookahead) % lookahead] = next
                    columnar_prefetch(table.baseAddress! + next.1)
                }
                while table[slot].key != key && table[slot].key != Self.emptyKey { slot = (slot + 1) & (capacity - 1) }
                if table[slot].key == Self.emptyKey {
                    table[slot].key = key
                    cellOrder.append(Int32(slot))
                }
                table[slot].end += 1
                slotOfPoint[i] = Int32(slot)
            }
            var running: Int32 = 0
            var occupancy = 0.0
            for slot in cellOrder {
                let size = table[Int(slot)].end
                occupancy += Double(size) * Double(size)
                table[Int(slot)].start = running
                table[Int(slot)].end = running
                running += size
            }
            meanOccupancy = occupancy / Double(n)
            points.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    if i + lookahead < n { columnar_prefetch(table.baseAddress! + Int(slotOfPoint[i + lookahead])) }
                    let s = Int(slotOfPoint[i])
                    out[Int(table[s].end)] = source[i]
                    table[s].end += 1
                }
            }
        }
    }

    /// The coarsest grid whose cells hold at most `occupancyLimit` points on average,
    /// trying cells 32, 8 and 2 times the chord; `nil` when even the finest is too full.
    static func adaptive(points: [SIMD4<Double>], maxChord: Double, occupancyLimit: Double) -> CellGrid? {
        for factor in [32.0, 8, 2] {
            let grid = CellGrid(points: points, maxChord: maxChord, sideFactor: factor)
            if grid.meanOccupancy <= occupancyLimit { return grid }
        }
        return nil
    }

    /// Calls `body` with a searcher over the grid's memory (valid only inside `body`).
    func withSearcher<R>(_ body: (Searcher) throws -> R) rethrows -> R {
        try slots.withUnsafeBufferPointer { table in
            try points.withUnsafeBufferPointer { p in
                try body(Searcher(table: table, points: p, shift: shift, inverseSide: inverseSide, reach: reach))
            }
        }
    }

    /// Queries over a grid's memory, with no reference counting per query.
    struct Searcher: NeighbourSearcher {
        fileprivate let table: UnsafeBufferPointer<Slot>
        let points: UnsafeBufferPointer<SIMD4<Double>>
        let shift: UInt64
        let inverseSide: Double
        let reach: Double

        var count: Int { points.count }

        /// The cells a query at `q` probes: low and high cell per axis.
        @inline(__always)
        private func box(_ q: SIMD3<Double>) -> (SIMD3<UInt64>, SIMD3<UInt64>) {
            (SIMD3(cell(q.x - reach, inverseSide), cell(q.y - reach, inverseSide), cell(q.z - reach, inverseSide)),
             SIMD3(cell(q.x + reach, inverseSide), cell(q.y + reach, inverseSide), cell(q.z + reach, inverseSide)))
        }

        /// Calls `body` with the packed key of every cell a query at `q` probes.
        @inline(__always)
        private func forEachCell(around q: SIMD3<Double>, _ body: (UInt64) -> Void) {
            let (low, high) = box(q)
            var z = low.z
            while z <= high.z {
                var y = low.y
                while y <= high.y {
                    var x = low.x
                    while x <= high.x {
                        body(pack(x, y, z))
                        x += 1
                    }
                    y += 1
                }
                z += 1
            }
        }

        /// Asks the cache for the table slots a query at `q` will probe.
        @inline(__always)
        func prefetch(_ q: SIMD3<Double>) {
            forEachCell(around: q) { key in columnar_prefetch(table.baseAddress! + CellGrid.slot(key, shift)) }
        }

        /// The up to `best.capacity` nearest points with `minChord² < d² < maxChord²`, nearest
        /// first, as (squared chord, original index) pairs appended to `out`. `maxChord2` must
        /// not exceed the square of the chord the grid was built for.
        @inline(__always)
        func nearest(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double,
                     best: inout NeighbourHeap, into out: inout [(Double, Int32)]) {
            guard points.count > 0 else { return }
            best.reset(bound: maxChord2)
            let query = SIMD4(q.x, q.y, q.z, 0)
            forEachCell(around: q) { key in
                for i in run(key) { KDTree.consider(points[i], query, minChord2, &best) }
            }
            best.drain(into: &out)
        }

        /// The nearest point with `minChord² < d² < maxChord²` as (squared chord, original
        /// index), index -1 when there is none; of equally near points, the first met wins, as
        /// in ``nearest(to:maxChord2:minChord2:best:into:)`` with one neighbour.
        @inline(__always)
        func nearestOne(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double) -> (Double, Int32) {
            var bestD2 = maxChord2
            var bestIndex: Int32 = -1
            let query = SIMD4(q.x, q.y, q.z, 0)
            forEachCell(around: q) { key in
                for i in run(key) {
                    let point = points[i]
                    var d = point - query
                    d.w = 0
                    let d2 = (d * d).sum()
                    if d2 < bestD2, d2 > minChord2 {
                        bestD2 = d2
                        bestIndex = Int32(point.w)
                    }
                }
            }
            return (bestD2, bestIndex)
        }

        /// The run of points in a cell, empty when the cell has none.
        @inline(__always)
        private func run(_ key: UInt64) -> Range<Int> {
            let mask = table.count - 1
            var slot = CellGrid.slot(key, shift)
            while true {
                let found = table[slot]
                if found.key == key { return Int(found.start)..<Int(found.end) }
                if found.key == CellGrid.emptyKey { return 0..<0 }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    fileprivate static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* hashMultiplier) >> shift)
    }
}

@inline(__always)
private func cell(_ coordinate: Double, _ inverseSide: Double) -> UInt64 {
    // Truncation is the floor here: negative values (only within `reach` of -1) clamp to 0.
    let c = (coordinate + 1) * inverseSide
    return c <= 0 ? 0 : UInt64(Int64(Swift.min(c, Double(CellGrid.axisLimit))))
}

@inline(__always)
private func pack(_ x: UInt64, _ y: UInt64, _ z: UInt64) -> UInt64 {
    x | y << CellGrid.axisBits | z << (2 * CellGrid.axisBits)
}
