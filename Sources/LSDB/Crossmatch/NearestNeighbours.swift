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
        case .grid(let grid):
            match(leftRA, leftDec, grid, k: k, radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
        case .tree(let tree):
            match(leftRA, leftDec, tree, k: k, radiusArcsec: radiusArcsec, minRadiusArcsec: minRadiusArcsec)
        }
    }

    /// The query loop. Unit vectors are computed `lookahead` rows ahead, and the index
    /// is asked to prefetch what their queries will read, so that the cache misses of
    /// several queries overlap.
    private static func match<Index: NeighbourSearch>(
        _ leftRA: UnsafeBufferPointer<Double>, _ leftDec: UnsafeBufferPointer<Double>, _ index: Index,
        k: Int, radiusArcsec: Double, minRadiusArcsec: Double
    ) -> MatchPairs {
        var pairs = MatchPairs()
        guard !leftRA.isEmpty, index.count > 0, k > 0 else { return pairs }
        let maxChord = chord(arcsec: radiusArcsec)
        let maxChord2 = maxChord * maxChord
        let minChord2 = minRadiusArcsec > 0 ? pow(chord(arcsec: minRadiusArcsec), 2) : -1
        var heap = NeighbourHeap(capacity: min(k, index.count))
        var found: [(Double, Int32)] = []
        found.reserveCapacity(k)
        pairs.left.reserveCapacity(leftRA.count)
        pairs.right.reserveCapacity(leftRA.count)
        pairs.distanceArcsec.reserveCapacity(leftRA.count)
        let n = leftRA.count
        let lookahead = 8
        var ahead = [SIMD3<Double>](repeating: .zero, count: lookahead)
        @inline(__always) func vector(_ i: Int) -> SIMD3<Double>? {
            leftRA[i].isFinite && leftDec[i].isFinite ? unitVector(leftRA[i], leftDec[i]) : nil
        }
        index.withSearcher { index in
            ahead.withUnsafeMutableBufferPointer { ring in
                for i in 0..<min(lookahead, n) {
                    if let v = vector(i) { ring[i] = v; index.prefetch(v) } else { ring[i] = SIMD3(repeating: .nan) }
                }
                for i in 0..<n {
                    let q = ring[i % lookahead]
                    let next = i + lookahead
                    if next < n {
                        if let v = vector(next) {
                            ring[next % lookahead] = v
                            index.prefetch(v)
                        } else {
                            ring[next % lookahead] = SIMD3(repeating: .nan)
                        }
                    }
                    guard !q.x.isNaN else { continue }
                    found.removeAll(keepingCapacity: true)
                    index.nearest(to: q, maxChord2: maxChord2, minChord2: minChord2, best: &heap, into: &found)
                    for j in 0..<found.count {
                        let (d2, right) = found[j]
                        pairs.left.append(Int32(truncatingIfNeeded: i))
                        pairs.right.append(right)
                        pairs.distanceArcsec.append(arcsec(chord: d2.squareRoot()))
                    }
                }
            }
        }
        return pairs
    }

    @inline(__always)
    static func unitVector(_ ra: Double, _ dec: Double) -> SIMD3<Double> {
        var sinA = 0.0, cosA = 0.0, sinD = 0.0, cosD = 0.0
        columnar_sincos(ra * (Double.pi / 180), &sinA, &cosA)
        columnar_sincos(dec * (Double.pi / 180), &sinD, &cosD)
        return SIMD3(cosD * cosA, cosD * sinA, sinD)
    }
}

/// A spatial index answering nearest-neighbour queries over unit vectors.
protocol NeighbourSearch {
    associatedtype Searcher: NeighbourSearcher
    /// The number of points.
    var count: Int { get }
    /// Calls `body` with a searcher over the index's memory (valid only inside `body`).
    func withSearcher<R>(_ body: (Searcher) throws -> R) rethrows -> R
}

/// The queries of a ``NeighbourSearch``, over borrowed memory.
protocol NeighbourSearcher {
    /// The up to `best.capacity` nearest points with `minChord² < d² < maxChord²`, nearest
    /// first, as (squared chord, original index) pairs appended to `out`.
    func nearest(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double,
                 best: inout NeighbourHeap, into out: inout [(Double, Int32)])
    /// Starts loading what a query at `q` will read.
    func prefetch(_ q: SIMD3<Double>)
}

extension KDTree: NeighbourSearch {}
extension CellGrid: NeighbourSearch {}

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
