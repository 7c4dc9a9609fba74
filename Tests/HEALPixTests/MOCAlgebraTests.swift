import Foundation
import Testing
@testable import HEALPix

/// A small deterministic generator (MOCTestRNG) for property tests.
struct MOCTestRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random MOC of cells of orders up to `maxOrder`, clustered so that merges happen.
func randomMOC(_ rng: inout MOCTestRNG, maxOrder: Int) -> MOC {
    var cells: [(order: Int, index: UInt64)] = []
    let base = UInt64.random(in: 0..<12, using: &rng)
    for _ in 0..<Int.random(in: 0...20, using: &rng) {
        let order = Int.random(in: 0...maxOrder, using: &rng)
        let size = UInt64(1) << UInt64(2 * order)
        let face = Bool.random(using: &rng) ? base : UInt64.random(in: 0..<12, using: &rng)
        cells.append((order, face * size + UInt64.random(in: 0..<size, using: &rng)))
    }
    return MOC(cells: cells, maxOrder: maxOrder)
}

/// A brute-force model of a MOC: its set of cells at one order.
func cellSet(_ moc: MOC, order: Int) -> Set<UInt64> {
    Set(moc.pixels(atOrder: order))
}

@Suite struct MOCAlgebraTests {
    @Test func normalisationMergesAndAligns() {
        let moc = MOC(ranges: [10..<20, 0..<5, 5..<7, 30..<31], maxOrder: 29)
        #expect(moc.ranges == [0..<7, 10..<20, 30..<31])
        let coarse = MOC(ranges: [5..<6, 17..<40], maxOrder: 28)
        #expect(coarse.ranges == [4..<8, 16..<40])
        #expect(MOC(order: 0, indices: [11, 3, 2, 2]).ranges == [(2 << 58)..<(4 << 58), (11 << 58)..<(12 << 58)])
        #expect(MOC(ranges: [3..<3], maxOrder: 29).isEmpty)
    }

    @Test func setLawsHoldOnRandomMOCs() {
        var rng = MOCTestRNG(state: 42)
        for _ in 0..<300 {
            let order = Int.random(in: 0...6, using: &rng)
            let a = randomMOC(&rng, maxOrder: order), b = randomMOC(&rng, maxOrder: order)
            let c = randomMOC(&rng, maxOrder: order)
            let sa = cellSet(a, order: order), sb = cellSet(b, order: order)
            #expect(cellSet(a.union(b), order: order) == sa.union(sb))
            #expect(cellSet(a.intersection(b), order: order) == sa.intersection(sb))
            #expect(cellSet(a.subtracting(b), order: order) == sa.subtracting(sb))
            #expect(a.union(b) == b.union(a))
            #expect(a.intersection(b) == b.intersection(a))
            #expect(a.union(b).union(c) == a.union(b.union(c)))
            #expect(a.intersection(b.union(c)) == a.intersection(b).union(a.intersection(c)))
            #expect(a.subtracting(b).union(a.intersection(b)) == a)
            #expect(a.complement.complement == a)
            #expect(a.union(a.complement) == MOC.fullSky(maxOrder: order))
            #expect(a.isSuperset(of: a.intersection(b)) && a.union(b).isSuperset(of: b))
            #expect(a.overlaps(b) == !a.intersection(b).isEmpty)
            #expect(abs(a.skyFraction + a.complement.skyFraction - 1) < 1e-15)
        }
    }

    @Test func cellsAreTheMinimalDecomposition() {
        var rng = MOCTestRNG(state: 7)
        for _ in 0..<200 {
            let order = Int.random(in: 0...8, using: &rng)
            let moc = randomMOC(&rng, maxOrder: order)
            let cells = moc.cells
            #expect(MOC(cells: cells, maxOrder: order) == moc)
            // Minimal: no four siblings of one order are all present.
            var byParent: [Int: [UInt64: Int]] = [:]
            for cell in cells where cell.order > 0 { byParent[cell.order, default: [:]][cell.index >> 2, default: 0] += 1 }
            #expect(byParent.values.allSatisfy { $0.values.allSatisfy { $0 < 4 } })
            #expect(cells.map(\.order) == cells.map(\.order).sorted())
            #expect(moc.healpixPixels.map(\.range29) == cells.map { MOC.order29Range(order: $0.order, index: $0.index) })
        }
    }

    @Test func degradeIsACoveringSuperset() {
        var rng = MOCTestRNG(state: 11)
        for _ in 0..<200 {
            let order = Int.random(in: 1...8, using: &rng)
            let moc = randomMOC(&rng, maxOrder: order)
            let target = Int.random(in: 0..<order, using: &rng)
            let coarse = moc.degraded(toOrder: target)
            #expect(coarse.maxOrder == target)
            #expect(coarse.isSuperset(of: moc))
            #expect(Set(coarse.pixels(atOrder: target)) == Set(moc.pixels(atOrder: target)))
            #expect(moc.pixels(atOrder: target).allSatisfy { moc.overlaps(order: target, index: $0) })
        }
    }

    @Test func neighboursDilateByOneCell() {
        var rng = MOCTestRNG(state: 5)
        for _ in 0..<60 {
            let order = Int.random(in: 1...6, using: &rng)
            let moc = randomMOC(&rng, maxOrder: order)
            let dilated = moc.addingNeighbours()
            #expect(dilated.isSuperset(of: moc))
            // Brute force: every cell of `order` that is a neighbour of a covered cell.
            var expected = cellSet(moc, order: order)
            for h in moc.pixels(atOrder: order) { expected.formUnion(Healpix.neighbours(order: order, index: h)) }
            #expect(cellSet(dilated, order: order) == expected)
        }
        #expect(MOC.fullSky(maxOrder: 29).addingNeighbours() == MOC.fullSky(maxOrder: 29))
        let cell = MOC(order: 3, indices: [100])
        #expect(cell.addingNeighbours().pixels(atOrder: 3).count == 9)
        #expect(cell.addingNeighbours(atOrder: 5).pixels(atOrder: 5).count == 16 + 4 * 4 + 4)
    }

    @Test func containsPointAgreesWithHashing() {
        var rng = MOCTestRNG(state: 3)
        for _ in 0..<100 {
            let order = Int.random(in: 0...10, using: &rng)
            let moc = randomMOC(&rng, maxOrder: order)
            for _ in 0..<50 {
                let lon = Double.random(in: 0..<360, using: &rng)
                let lat = asin(Double.random(in: -1...1, using: &rng)) * 180 / .pi
                let inside = moc.contains(order: order, index: Healpix.hash(order: order, lon: lon, lat: lat))
                #expect(moc.contains(lon: lon, lat: lat) == inside)
            }
        }
        #expect(!MOC.fullSky().contains(lon: 0, lat: 91))
    }

    @Test func pixelQueriesMatchBruteForce() {
        var rng = MOCTestRNG(state: 9)
        for _ in 0..<100 {
            let moc = randomMOC(&rng, maxOrder: 6)
            let order = Int.random(in: 0...7, using: &rng)
            let count = UInt64(12) << UInt64(2 * order)
            let indices = (0..<30).map { _ in UInt64.random(in: 0..<count, using: &rng) }
            let expected = indices.filter { h in
                let r = MOC.order29Range(order: order, index: h)
                return moc.ranges.contains { $0.overlaps(r) }
            }
            #expect(moc.overlapping(order: order, indices: indices) == expected)
            #expect(moc.overlapping(order: order, indices: indices.sorted()) == expected.sorted())
            let pixels = indices.map { HealpixPixel(order: order, index: $0) }
            #expect(moc.overlapping(pixels).map(\.index) == expected)
            for h in indices {
                let r = MOC.order29Range(order: order, index: h)
                #expect(moc.contains(order: order, index: h) == moc.ranges.contains { $0.contains(r.lowerBound) && $0.upperBound >= r.upperBound })
            }
        }
    }

    @Test func pixelRangesAreInclusiveRunsOfPixels() {
        var rng = MOCTestRNG(state: 21)
        for _ in 0..<100 {
            let moc = randomMOC(&rng, maxOrder: 7)
            let order = Int.random(in: 0...9, using: &rng)
            let runs = moc.pixelRanges(atOrder: order)
            #expect(runs.flatMap { Array($0) } == moc.pixels(atOrder: order))
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound + 1 < $1.lowerBound })
        }
    }

    @Test func documentedExampleHolds() {
        let moc = MOC(order: 3, indices: [0, 1, 2, 3, 17])
        #expect(moc.cells.map { [UInt64($0.order), $0.index] } == [[2, 0], [3, 17]])
        #expect(moc.description == "2/0 3/17")
        #expect(moc.overlaps(HealpixPixel(order: 1, index: 0)))
    }

    @Test func descriptionMatchesMocpyForm() {
        #expect(MOC(order: 3, indices: [1, 2, 3]).withMaxOrder(5).description == "3/1-3 5/")
        #expect(MOC.empty(maxOrder: 5).description == "5/")
        #expect(MOC(pixels: [HealpixPixel(order: 1, index: 4), HealpixPixel(order: 2, index: 3)]).description
            == "1/4 2/3")
        #expect(MOC.fullSky(maxOrder: 0).description == "0/0-11")
    }
}

@Test func overlapsWithinRangeAgreesWithIntersection() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
        func randomMOC() -> MOC {
            MOC(order: 6, indices: (0..<40).map { _ in UInt64.random(in: 0..<49_152, using: &generator) })
        }
        let a = randomMOC(), b = randomMOC()
        let cell = HealpixPixel(order: 3, index: UInt64.random(in: 0..<768, using: &generator))
        let expected = a.intersection(b).overlaps(cell)
        #expect(a.overlaps(b, within: cell.range29) == expected)
    }
}

@Test func clippedAgreesWithIntersection() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
        let moc = MOC(order: 5, indices: (0..<60).map { _ in UInt64.random(in: 0..<12_288, using: &generator) })
        let cell = HealpixPixel(order: 2, index: UInt64.random(in: 0..<192, using: &generator))
        #expect(moc.clipped(to: cell.range29) == moc.intersection(MOC(pixels: [cell], maxOrder: 5)))
    }
}
