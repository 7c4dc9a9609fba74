import Foundation

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

    /// A tree over right positions (degrees); rows with a non-finite coordinate are left out.
    static func index(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>) -> KDTree {
        var points: [SIMD4<Double>] = []
        points.reserveCapacity(ra.count)
        for i in 0..<ra.count where ra[i].isFinite && dec[i].isFinite {
            let v = unitVector(ra[i], dec[i])
            points.append(SIMD4(v.x, v.y, v.z, Double(i)))
        }
        return KDTree(points: points)
    }

    /// Matches every left position (degrees) against the right rows in `tree`.
    ///
    /// A right row is a neighbour of a left row when their chord distance is strictly
    /// below the radius's and, with a minimum radius, strictly above the minimum's; the
    /// `k` nearest are kept. Left rows with a non-finite coordinate match nothing.
    static func match(leftRA: UnsafeBufferPointer<Double>, leftDec: UnsafeBufferPointer<Double>, tree: KDTree,
                      k: Int, radiusArcsec: Double, minRadiusArcsec: Double) -> MatchPairs {
        var pairs = MatchPairs()
        guard !leftRA.isEmpty, tree.count > 0, k > 0 else { return pairs }
        let maxChord = chord(arcsec: radiusArcsec)
        let maxChord2 = maxChord * maxChord
        let minChord2 = minRadiusArcsec > 0 ? pow(chord(arcsec: minRadiusArcsec), 2) : -1
        var heap = NeighbourHeap(capacity: min(k, tree.count))
        var found: [(Double, Int32)] = []
        found.reserveCapacity(k)
        pairs.left.reserveCapacity(leftRA.count)
        pairs.right.reserveCapacity(leftRA.count)
        pairs.distanceArcsec.reserveCapacity(leftRA.count)
        for i in 0..<leftRA.count where leftRA[i].isFinite && leftDec[i].isFinite {
            found.removeAll(keepingCapacity: true)
            tree.nearest(to: unitVector(leftRA[i], leftDec[i]), maxChord2: maxChord2, minChord2: minChord2,
                         best: &heap, into: &found)
            for (d2, index) in found {
                pairs.left.append(Int32(truncatingIfNeeded: i))
                pairs.right.append(index)
                pairs.distanceArcsec.append(arcsec(chord: d2.squareRoot()))
            }
        }
        return pairs
    }

    @inline(__always)
    static func unitVector(_ ra: Double, _ dec: Double) -> SIMD3<Double> {
        let a = ra * (Double.pi / 180), d = dec * (Double.pi / 180)
        let c = cos(d)
        return SIMD3(c * cos(a), c * sin(a), sin(d))
    }
}
