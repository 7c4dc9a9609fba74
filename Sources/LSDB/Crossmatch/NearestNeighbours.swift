import Foundation
import _ColumnarShims

/// The pairs a crossmatch of two partitions finds: left rows in order, each
/// with its up to k nearest right rows closer than the radius, nearest first.
struct MatchPairs {
    /// The left row of each pair.
    var left: [Int32] = []
    /// The right row of each pair.
    var right: [Int32] = []
    /// The angular separation of each pair, arcseconds (LSDB's `_dist_arcsec`).
    var distanceArcsec: [Double] = []

    var count: Int { left.count }
}

/// LSDB's `KdTreeCrossmatch` on one pair of partitions, in plain arrays.
enum NearestNeighbours {
    /// The chord of an angle given in arcseconds: `2·sin(r/2)`.
    static func chord(arcsec: Double) -> Double {
        2 * sin((arcsec / 3600 * Double.pi / 180) / 2)
    }

    /// The angle of a chord, in arcseconds: `degrees(2·asin(c/2))·3600`.
    static func arcsec(chord: Double) -> Double {
        2 * asin(chord / 2) * 180 / Double.pi * 3600
    }

    /// An index over right positions (degrees) for queries up to `radiusArcsec`; rows with a
    /// non-finite coordinate are left out. A ``CellGrid`` unless its cells would hold too many
    /// points (a radius comparable to the spacing of the points), then a ``KDTree``.
    static func index(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>,
                      radiusArcsec: Double, kind: NeighbourIndex.Kind? = nil) -> NeighbourIndex {
        var points: [SIMD4<Double>] = []
        points.reserveCapacity(ra.count)
        for i in 0..<ra.count where ra[i].isFinite && dec[i].isFinite {
            let v = unitVector(ra[i], dec[i])
            points.append(SIMD4(v.x, v.y, v.z, Double(i)))
        }
        if kind != .tree, let grid = CellGrid.adaptive(
            points: points, maxChord: chord(arcsec: radiusArcsec),
            occupancyLimit: kind == .grid ? .infinity : NeighbourIndex.gridOccupancyLimit) {
            return .grid(grid)
        }
        return .tree(KDTree(points: points))
    }

    /// Matches every left position (degrees) against the right rows in `index`.
    ///
    /// A right row is a neighbour of a left row when their chord distance is strictly
    /// below the radius's and, with a minimum radius, strictly above the minimum's; the
    /// `k` nearest are kept. Left rows with a non-finite coordinate match nothing.
    static func match(leftRA: UnsafeBufferPointer<Double>, leftDec: UnsafeBufferPointer<Double>, index: NeighbourIndex,
                      k: Int, radiusArcsec: Double, minRadiusArcsec: Double) -> MatchPairs {
        switch index {
        case .grid(let grid) where k == 1:
            return grid.withSearcher { searcher in
                matchNearest(leftRA, leftDec, searcher, radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
            }
        case .grid(let grid):
            return grid.withSearcher { searcher in
                match(leftRA, leftDec, searcher, k: k, radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
            }
        case .tree(let tree):
            return tree.withSearcher { searcher in
                match(leftRA, leftDec, searcher, k: k, radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
            }
        }
    }

    /// The squared chords of a radius and a minimum radius (-1 for none).
    private static func bounds(radiusArcsec: Double, minRadiusArcsec: Double) -> (max: Double, min: Double) {
        let maxChord = chord(arcsec: radiusArcsec)
        return (maxChord * maxChord, minRadiusArcsec > 0 ? pow(chord(arcsec: minRadiusArcsec), 2) : -1)
    }

    /// k nearest neighbours of every left row.
    private static func match<Searcher: NeighbourSearcher>(
        _ leftRA: UnsafeBufferPointer<Double>, _ leftDec: UnsafeBufferPointer<Double>, _ searcher: Searcher,
        k: Int, radiusArcsec: Double, minRadiusArcsec: Double
    ) -> MatchPairs {
        var pairs = MatchPairs()
        guard !leftRA.isEmpty, searcher.count > 0, k > 0 else { return pairs }
        let (maxChord2, minChord2) = bounds(radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
        var heap = NeighbourHeap(capacity: min(k, searcher.count))
        var found: [(Double, Int32)] = []
        found.reserveCapacity(k)
        pairs.left.reserveCapacity(leftRA.count)
        pairs.right.reserveCapacity(leftRA.count)
        pairs.distanceArcsec.reserveCapacity(leftRA.count)
        forEachQuery(leftRA, leftDec, searcher) { i, q in
            found.removeAll(keepingCapacity: true)
            searcher.nearest(to: q, maxChord2: maxChord2, minChord2: minChord2, best: &heap, into: &found)
            for j in 0..<found.count {
                let (d2, right) = found[j]
                pairs.left.append(Int32(truncatingIfNeeded: i))
                pairs.right.append(right)
                pairs.distanceArcsec.append(arcsec(chord: d2.squareRoot()))
            }
        }
        return pairs
    }

    /// The nearest neighbour of every left row (k = 1, the usual crossmatch): no candidate
    /// list per query, and at most one pair per left row written straight into the output.
    private static func matchNearest(
        _ leftRA: UnsafeBufferPointer<Double>, _ leftDec: UnsafeBufferPointer<Double>, _ searcher: CellGrid.Searcher,
        radiusArcsec: Double, minRadiusArcsec: Double
    ) -> MatchPairs {
        let n = leftRA.count
        guard n > 0, searcher.count > 0 else { return MatchPairs() }
        let (maxChord2, minChord2) = bounds(radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
        var rights = [Int32](repeating: -1, count: n)
        var chords2 = [Double](repeating: 0, count: n)
        var matched = 0
        rights.withUnsafeMutableBufferPointer { rights in
            chords2.withUnsafeMutableBufferPointer { chords2 in
                forEachQuery(leftRA, leftDec, searcher) { i, q in
                    let (d2, right) = searcher.nearestOne(to: q, maxChord2: maxChord2, minChord2: minChord2)
                    guard right >= 0 else { return }
                    rights[i] = right
                    chords2[i] = d2
                    matched += 1
                }
            }
        }
        var pairs = MatchPairs()
        pairs.left = [Int32](unsafeUninitializedCapacity: matched) { left, count in
            for i in 0..<n where rights[i] >= 0 {
                left[count] = Int32(truncatingIfNeeded: i)
                count += 1
            }
        }
        pairs.right = pairs.left.map { rights[Int($0)] }
        pairs.distanceArcsec = pairs.left.map { arcsec(chord: chords2[Int($0)].squareRoot()) }
        return pairs
    }

    /// Calls `body` with every left row that has finite coordinates and its unit vector, in
    /// row order. Unit vectors are computed `lookahead` rows ahead, and the searcher is asked
    /// to prefetch what their queries will read, so that the cache misses of several queries
    /// overlap.
    @inline(__always)
    private static func forEachQuery<Searcher: NeighbourSearcher>(
        _ leftRA: UnsafeBufferPointer<Double>, _ leftDec: UnsafeBufferPointer<Double>, _ searcher: Searcher,
        _ body: (Int, SIMD3<Double>) -> Void
    ) {
        let n = leftRA.count
        let lookahead = 8
        @inline(__always) func vector(_ i: Int) -> SIMD3<Double> {
            leftRA[i].isFinite && leftDec[i].isFinite ? unitVector(leftRA[i], leftDec[i]) : SIMD3(repeating: .nan)
        }
        withUnsafeTemporaryAllocation(of: SIMD3<Double>.self, capacity: lookahead) { ring in
            for i in 0..<min(lookahead, n) {
                ring[i] = vector(i)
                if !ring[i].x.isNaN { searcher.prefetch(ring[i]) }
            }
            for i in 0..<n {
                let q = ring[i % lookahead]
                let next = i + lookahead
                if next < n {
                    let v = vector(next)
                    ring[next % lookahead] = v
                    if !v.x.isNaN { searcher.prefetch(v) }
                }
                if !q.x.isNaN { body(i, q) }
            }
        }
    }

    @inline(__always)
    static func unitVector(_ ra: Double, _ dec: Double) -> SIMD3<Double> {
        let (sinA, cosA) = SinCos.degrees(ra)
        let (sinD, cosD) = SinCos.degrees(dec)
        return SIMD3(cosD * cosA, cosD * sinA, sinD)
    }
}

/// The queries of a spatial index over unit vectors (``CellGrid`` or ``KDTree``), over memory
/// the index lends with its `withSearcher`.
protocol NeighbourSearcher {
    /// The number of points.
    var count: Int { get }
    /// The up to `best.capacity` nearest points with `minChord² < d² < maxChord²`, nearest
    /// first, as (squared chord, original index) pairs appended to `out`.
    func nearest(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double,
                 best: inout NeighbourHeap, into out: inout [(Double, Int32)])
    /// Starts loading what a query at `q` will read.
    func prefetch(_ q: SIMD3<Double>)
}

/// The right side's spatial index: a ``CellGrid`` for the usual small radii, a
/// ``KDTree`` when the radius is large against the spacing of the points.
enum NeighbourIndex: Sendable {
    case grid(CellGrid)
    case tree(KDTree)

    /// Which structure to build.
    enum Kind: Sendable { case grid, tree }

    /// The mean points per cell above which a grid is dropped for a tree.
    static let gridOccupancyLimit = 16.0

    /// An index over no points.
    static let empty = NeighbourIndex.tree(KDTree(points: []))

    /// The number of points.
    var count: Int {
        switch self {
        case .grid(let grid): grid.count
        case .tree(let tree): tree.count
        }
    }
}
