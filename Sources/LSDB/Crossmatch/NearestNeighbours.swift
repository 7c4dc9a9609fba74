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

    /// Matches every left position against the right positions (degrees).
    ///
    /// A right row is a neighbour of a left row when their chord distance is strictly
    /// below the radius's and, with a minimum radius, strictly above the minimum's; the
    /// `k` nearest are kept. Rows with a non-finite coordinate match nothing.
    static func match(leftRA: UnsafeBufferPointer<Double>, leftDec: UnsafeBufferPointer<Double>,
                      rightRA: UnsafeBufferPointer<Double>, rightDec: UnsafeBufferPointer<Double>,
                      k: Int, radiusArcsec: Double, minRadiusArcsec: Double) -> MatchPairs {
        var pairs = MatchPairs()
        guard !leftRA.isEmpty, !rightRA.isEmpty, k > 0 else { return pairs }
        // Right unit vectors, finite positions only.
        var rx: [Double] = [], ry: [Double] = [], rz: [Double] = [], kept: [Int32] = []
        rx.reserveCapacity(rightRA.count); ry.reserveCapacity(rightRA.count)
        rz.reserveCapacity(rightRA.count); kept.reserveCapacity(rightRA.count)
        for i in 0..<rightRA.count where rightRA[i].isFinite && rightDec[i].isFinite {
            let v = unitVector(rightRA[i], rightDec[i])
            rx.append(v.x); ry.append(v.y); rz.append(v.z)
            kept.append(Int32(truncatingIfNeeded: i))
        }
        let tree = rx.withUnsafeBufferPointer { x in
            ry.withUnsafeBufferPointer { y in rz.withUnsafeBufferPointer { z in KDTree(x: x, y: y, z: z) } }
        }
        let maxChord = chord(arcsec: radiusArcsec)
        let minChord = minRadiusArcsec > 0 ? chord(arcsec: minRadiusArcsec) : -1
        let maxChord2 = maxChord * maxChord
        let minChord2 = minChord < 0 ? -1 : minChord * minChord
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
            for (d2, position) in found {
                pairs.left.append(Int32(truncatingIfNeeded: i))
                pairs.right.append(kept[Int(position)])
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
