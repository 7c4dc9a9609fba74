import Testing
@testable import HEALPix

/// Neighbours and external neighbours against cdshealpix.
@Suite struct NeighbourFixtureTests {
    @Test func neighboursMatch() throws {
        let rows = try HealpixFixture.rows("neighbours.csv")
        #expect(rows.count > 1000)
        var sevens = 0
        for row in rows {
            let order = Int(row[0])!, index = HealpixFixture.uint(row[1])
            let n = Healpix.neighbours(order: order, index: index)
            for (k, d) in Healpix.Direction.allCases.enumerated() {
                let e = HealpixFixture.int(row[2 + k])
                #expect(n[d] == (e < 0 ? nil : UInt64(e)), "order \(order) index \(index) \(d)")
                #expect(Healpix.neighbour(order: order, index: index, direction: d) == n[d])
            }
            let row9 = n.cdshealpixRow(center: index)
            #expect(row9[4] == Int64(index))
            if order > 0 && n.count == 7 { sevens += 1 }
        }
        #expect(sevens > 0)
    }

    @Test func externalNeighboursMatch() throws {
        let rows = try HealpixFixture.rows("external.csv")
        #expect(rows.count > 300)
        for row in rows {
            let order = Int(row[0])!, index = HealpixFixture.uint(row[1]), delta = Int(row[2])!
            let edges = row[3].split(separator: " ").map { HealpixFixture.uint($0) }
            let corners = row[4].split(separator: " ").map { HealpixFixture.int($0) }
            let got = Healpix.externalNeighbours(order: order, index: index, deltaOrder: delta)
            #expect(got.order == order + delta)
            #expect(got.edges == edges, "order \(order) index \(index) delta \(delta)")
            #expect(got.corners == corners.map { $0 < 0 ? nil : UInt64($0) }, "order \(order) index \(index) delta \(delta)")
        }
    }
}
