import Foundation
import Testing
@testable import LSDB

/// The cell grid and the k-d tree against a brute-force search: the same neighbours, in
/// the same order, with bit-identical distances.
@Suite struct NeighbourIndexTests {
    /// A deterministic generator (SplitMix64), so that failures repeat.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    /// Clustered positions near a point, plus exact duplicates and a pole, in degrees.
    static func positions(_ n: Int, seed: UInt64, centre: (Double, Double), spreadDeg: Double,
                          clustered: Bool = true) -> ([Double], [Double]) {
        var g = Generator(state: seed)
        var ra: [Double] = [], dec: [Double] = []
        for i in 0..<n {
            if i % 50 == 7, let last = ra.last {
                ra.append(last)
                dec.append(dec.last!)
                continue
            }
            let cluster = clustered && i % 3 == 0 ? 0.001 : 1.0
            ra.append((centre.0 + (g.next() - 0.5) * spreadDeg * cluster + 360).truncatingRemainder(dividingBy: 360))
            dec.append(max(-90, min(90, centre.1 + (g.next() - 0.5) * spreadDeg * cluster)))
        }
        ra.append(12.5)
        dec.append(90)
        return (ra, dec)
    }

    static func bruteForce(_ lra: [Double], _ ldec: [Double], _ rra: [Double], _ rdec: [Double],
                           k: Int, radius: Double, minRadius: Double) -> [(Int32, Int32, Double)] {
        let maxChord2 = pow(NearestNeighbours.chord(arcsec: radius), 2)
        let minChord2 = minRadius > 0 ? pow(NearestNeighbours.chord(arcsec: minRadius), 2) : -1
        let right = zip(rra, rdec).map { NearestNeighbours.unitVector($0, $1) }
        var out: [(Int32, Int32, Double)] = []
        for i in lra.indices {
            let q = NearestNeighbours.unitVector(lra[i], ldec[i])
            var found: [(Double, Int32)] = []
            for (j, p) in right.enumerated() {
                let d = SIMD4(p.x, p.y, p.z, 0) - SIMD4(q.x, q.y, q.z, 0)
                let d2 = (d * d).sum()
                if d2 < maxChord2, d2 > minChord2 { found.append((d2, Int32(j))) }
            }
            found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            for (d2, j) in found.prefix(k) {
                out.append((Int32(i), j, NearestNeighbours.arcsec(chord: d2.squareRoot())))
            }
        }
        return out
    }

    static func run(_ kind: NeighbourIndex.Kind, _ lra: [Double], _ ldec: [Double], _ rra: [Double], _ rdec: [Double],
                    k: Int, radius: Double, minRadius: Double) -> (NeighbourIndex, MatchPairs) {
        let index = rra.withUnsafeBufferPointer { r in
            rdec.withUnsafeBufferPointer { d in NearestNeighbours.index(ra: r, dec: d, radiusArcsec: radius, kind: kind) }
        }
        let pairs = lra.withUnsafeBufferPointer { r in
            ldec.withUnsafeBufferPointer { d in
                NearestNeighbours.match(leftRA: r, leftDec: d, index: index, k: k, radiusArcsec: radius,
                                        minRadiusArcsec: minRadius)
            }
        }
        return (index, pairs)
    }

    @Test(arguments: [(1, 1.0, 0.0), (3, 5.0, 0.0), (2, 30.0, 2.0), (4, 600.0, 0.0), (1, 0.05, 0.0), (1, 20.0, 3.0)])
    func gridAndTreeEqualBruteForce(k: Int, radius: Double, minRadius: Double) {
        let (rra, rdec) = Self.positions(1500, seed: 11, centre: (359.9, 89.9), spreadDeg: 0.3)
        var (lra, ldec) = Self.positions(700, seed: 29, centre: (359.9, 89.9), spreadDeg: 0.3)
        lra += rra.prefix(40) + [.nan, 10]
        ldec += rdec.prefix(40) + [10, .infinity]
        let expected = Self.bruteForce(lra, ldec, rra, rdec, k: k, radius: radius, minRadius: minRadius)
        #expect(!expected.isEmpty)
        for kind in [NeighbourIndex.Kind.grid, .tree] {
            let (index, pairs) = Self.run(kind, lra, ldec, rra, rdec, k: k, radius: radius, minRadius: minRadius)
            switch (kind, index) {
            case (.grid, .grid), (.tree, .tree): break
            default: Issue.record("asked for \(kind), got \(index)")
            }
            #expect(pairs.count == expected.count, "\(kind)")
            guard pairs.count == expected.count else { continue }
            for (n, e) in expected.enumerated() {
                #expect(pairs.left[n] == e.0 && pairs.distanceArcsec[n] == e.2, "\(kind) pair \(n)")
                // Among equal distances (the duplicated positions) any may be chosen, as in LSDB.
                if pairs.right[n] != e.1 {
                    let q = NearestNeighbours.unitVector(lra[Int(e.0)], ldec[Int(e.0)])
                    let p = NearestNeighbours.unitVector(rra[Int(pairs.right[n])], rdec[Int(pairs.right[n])])
                    let d = SIMD4(p.x, p.y, p.z, 0) - SIMD4(q.x, q.y, q.z, 0)
                    #expect(NearestNeighbours.arcsec(chord: (d * d).sum().squareRoot()) == e.2, "\(kind) pair \(n)")
                }
            }
        }
    }

    @Test func automaticChoiceFollowsDensity() {
        let (ra, dec) = Self.positions(3000, seed: 5, centre: (45, -30), spreadDeg: 0.05, clustered: false)
        let small = Self.run(.grid, [45], [-30], ra, dec, k: 1, radius: 1, minRadius: 0).0
        let automaticSmall = ra.withUnsafeBufferPointer { r in
            dec.withUnsafeBufferPointer { d in NearestNeighbours.index(ra: r, dec: d, radiusArcsec: 0.5) }
        }
        let automaticLarge = ra.withUnsafeBufferPointer { r in
            dec.withUnsafeBufferPointer { d in NearestNeighbours.index(ra: r, dec: d, radiusArcsec: 3600) }
        }
        #expect(small.count == ra.count)
        if case .grid = automaticSmall {} else { Issue.record("a 0.5\" radius over arcminute spacing should use the grid") }
        if case .tree = automaticLarge {} else { Issue.record("a 1° radius over a 3' field should use the tree") }
    }
}
