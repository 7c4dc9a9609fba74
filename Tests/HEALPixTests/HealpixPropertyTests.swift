import Testing
@testable import HEALPix

/// Internal consistency of the scheme, over many random cells.
@Suite struct HealpixPropertyTests {
    static func randomCells(count: Int, seed: UInt64, orders: ClosedRange<Int> = 0...29) -> [HealpixPixel] {
        var g = SplitMix64(state: seed)
        return (0..<count).map { _ in
            let order = orders.lowerBound + Int(g.next() % UInt64(orders.count))
            return HealpixPixel(order: order, index: g.next() % Healpix.pixelCount(order: order))
        }
    }

    @Test func centresHashBackToTheirCell() {
        for p in Self.randomCells(count: 20_000, seed: 1) {
            let r = Healpix.centerRadians(order: p.order, index: p.index)
            #expect(Healpix.hash(order: p.order, lonRadians: r.lon, latRadians: r.lat) == p.index)
            let c = p.center
            #expect(Healpix.hash(order: p.order, lon: c.lon, lat: c.lat) == p.index)
        }
    }

    @Test func innerPointsHashBackWithTheirOffsets() {
        var g = SplitMix64(state: 2)
        for p in Self.randomCells(count: 5000, seed: 3, orders: 0...20) {
            let dx = 0.02 + 0.96 * g.unit(), dy = 0.02 + 0.96 * g.unit()
            let q = Healpix.positionRadians(order: p.order, index: p.index, dx: dx, dy: dy)
            let r = Healpix.hashWithOffsets(order: p.order, lonRadians: q.lon, latRadians: q.lat)
            #expect(r.index == p.index)
            #expect(abs(r.dx - dx) < 1e-6 && abs(r.dy - dy) < 1e-6)
        }
    }

    @Test func verticesBoundTheCell() {
        var g = SplitMix64(state: 4)
        for p in Self.randomCells(count: 3000, seed: 5, orders: 0...29) {
            let c = Healpix.centerRadians(order: p.order, index: p.index)
            let bound = Healpix.maxCenterToVertexDistance(order: p.order) * (1 + 1e-9)
            let vs = Healpix.verticesRadians(order: p.order, index: p.index).all
            var farthest = 0.0
            for v in vs {
                let d = Healpix.angularSeparationRadians(lon1: c.lon, lat1: c.lat, lon2: v.lon, lat2: v.lat)
                #expect(d <= bound)
                farthest = max(farthest, d)
            }
            // Points of the cell are no farther from the centre than the bound.
            let q = Healpix.positionRadians(order: p.order, index: p.index, dx: g.unit(), dy: g.unit())
            #expect(Healpix.angularSeparationRadians(lon1: c.lon, lat1: c.lat, lon2: q.lon, lat2: q.lat) <= bound)
            // The south vertex hashes into the cell (S→E and S→W edges belong to it)
            // everywhere but the face corners where rounding may push it out.
            let s = vs[0]
            let hs = Healpix.hash(order: p.order, lonRadians: s.lon, latRadians: s.lat)
            #expect(hs == p.index || Healpix.neighbours(order: p.order, index: p.index).contains(hs))
        }
    }

    @Test func hierarchyRoundTrips() {
        for p in Self.randomCells(count: 5000, seed: 6, orders: 0...28) {
            for child in p.children {
                #expect(child.parent == p)
                #expect(p.contains(child))
                #expect(p.range29.contains(child.range29.lowerBound))
                #expect(child.range29.upperBound <= p.range29.upperBound)
            }
            #expect(p.children.map(\.range29.count).reduce(0, +) == p.range29.count)
            #expect(p.parent(atOrder: p.order) == p)
            #expect(p.parent(atOrder: 0).index == p.index >> UInt64(2 * p.order))
            #expect(p.indexRange(atOrder: 29) == p.range29)
            #expect(p.range29.lowerBound == p.index << UInt64(2 * (29 - p.order)))
            #expect(HealpixPixel(order: p.order, containingIndex29: p.range29.upperBound - 1) == p)
            #expect(HealpixPixel(order: p.order, containingIndex29: p.range29.lowerBound) == p)
        }
        #expect(HealpixPixel(order: 0, index: 11).parent == nil)
        let sorted = [HealpixPixel(order: 1, index: 47), HealpixPixel(order: 2, index: 66),
                      HealpixPixel(order: 0, index: 1), HealpixPixel(order: 3, index: 5)].sorted()
        #expect(sorted.map(\.order) == [0, 1, 2, 3])
        #expect(HealpixPixel(order: 3, index: 5).description == "Order: 3, Pixel: 5")
        #expect(throws: HealpixError.invalidIndex(order: 0, index: 12)) { try HealpixPixel(validatingOrder: 0, index: 12) }
        #expect(throws: HealpixError.invalidOrder(-1)) { try HealpixPixel(validatingOrder: -1, index: 0) }
    }

    @Test func neighbourRelationIsSymmetric() {
        for p in Self.randomCells(count: 5000, seed: 7) {
            let n = Healpix.neighbours(order: p.order, index: p.index)
            #expect(Set(n).count == n.count)
            #expect(!n.contains(p.index))
            for q in n {
                #expect(Healpix.neighbours(order: p.order, index: q).contains(p.index), "\(p) ↔ \(q)")
            }
        }
    }

    @Test func neighbourCountsPerOrder() {
        for order in 0...3 {
            var counts: [Int: Int] = [:]
            for index in 0..<Healpix.pixelCount(order: order) {
                let n = Healpix.neighbours(order: order, index: index)
                counts[n.count, default: 0] += 1
                for q in n {
                    #expect(Healpix.neighbours(order: order, index: q).contains(index))
                }
            }
            if order == 0 {
                #expect(counts == [6: 12])
            } else {
                #expect(counts[7] == 24, "order \(order)")
                #expect(counts[8] == Int(Healpix.pixelCount(order: order)) - 24)
            }
        }
    }

    @Test func neighboursAreAdjacent() {
        for p in Self.randomCells(count: 3000, seed: 8, orders: 0...29) {
            let c = Healpix.centerRadians(order: p.order, index: p.index)
            let reach = 2 * Healpix.maxCenterToVertexDistance(order: p.order) * (1 + 1e-9)
            for q in Healpix.neighbours(order: p.order, index: p.index) {
                let d = Healpix.centerRadians(order: p.order, index: q)
                #expect(Healpix.angularSeparationRadians(lon1: c.lon, lat1: c.lat, lon2: d.lon, lat2: d.lat) <= reach)
            }
        }
    }

    @Test func externalNeighboursFormTheRing() {
        for p in Self.randomCells(count: 600, seed: 9, orders: 0...24) {
            let delta = Int(p.index % 5)
            let depth = p.order + delta
            let ring = Healpix.externalNeighbours(order: p.order, index: p.index, deltaOrder: delta)
            #expect(ring.order == depth)
            for block in [ring.southEastEdge, ring.northEastEdge, ring.northWestEdge, ring.southWestEdge] {
                #expect(block.count == 1 << delta)
            }
            // Brute force: neighbours of p's border children that lie outside p.
            let shift = UInt64(2 * delta)
            var expected = Set<UInt64>()
            for child in p.indexRange(atOrder: depth) {
                for q in Healpix.neighbours(order: depth, index: child) where q >> shift != p.index {
                    expected.insert(q)
                }
            }
            let all = ring.all
            #expect(Set(all) == expected, "\(p) delta \(delta)")
            #expect(all == all.sorted() && Set(all).count == all.count)
            #expect(p.externalNeighbours(deltaOrder: delta).map(\.index) == all)
        }
    }
}
