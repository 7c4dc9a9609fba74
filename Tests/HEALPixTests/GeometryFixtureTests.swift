import Testing
@testable import HEALPix

/// Centres, inner points and vertices against cdshealpix (radians, bit-exact).
@Suite struct GeometryFixtureTests {
    @Test func centersAndInnerPointsAreBitExact() throws {
        let rows = try HealpixFixture.rows("centers.csv")
        #expect(rows.count > 1000)
        for row in rows {
            let order = Int(row[0])!, index = HealpixFixture.uint(row[1])
            let dx = HealpixFixture.double(row[2]), dy = HealpixFixture.double(row[3])
            let expected = Healpix.LonLat(lon: HealpixFixture.double(row[4]), lat: HealpixFixture.double(row[5]))
            let got = dx == 0.5 && dy == 0.5
                ? Healpix.centerRadians(order: order, index: index)
                : Healpix.positionRadians(order: order, index: index, dx: dx, dy: dy)
            #expect(got == expected, "order \(order) index \(index) dx \(dx) dy \(dy)")
            if dx == 0.5 && dy == 0.5 {
                let deg = Healpix.center(order: order, index: index)
                #expect(abs(deg.lon - expected.lon * Healpix.radToDeg) <= 1e-12)
                #expect(abs(deg.lat - expected.lat * Healpix.radToDeg) <= 1e-12)
                #expect(Healpix.positionRadians(order: order, index: index, dx: 0.5, dy: 0.5) == got)
            }
        }
    }

    @Test func verticesAreBitExact() throws {
        let rows = try HealpixFixture.rows("vertices.csv")
        #expect(rows.count > 500)
        for row in rows {
            let order = Int(row[0])!, index = HealpixFixture.uint(row[1])
            let v = Healpix.verticesRadians(order: order, index: index)
            let got = [v.south, v.east, v.north, v.west]
            for m in 0..<4 {
                let e = Healpix.LonLat(lon: HealpixFixture.double(row[2 + 2 * m]), lat: HealpixFixture.double(row[3 + 2 * m]))
                #expect(got[m] == e, "order \(order) index \(index) vertex \(m)")
            }
            let deg = Healpix.vertices(order: order, index: index).all
            let ring = Healpix.boundary(order: order, index: index, step: 1)
            for m in 0..<4 {
                #expect(abs(deg[m].lon - got[m].lon * Healpix.radToDeg) <= 1e-12)
                #expect(abs(deg[m].lat - got[m].lat * Healpix.radToDeg) <= 1e-12)
                #expect(ring[m] == deg[m])
            }
        }
    }

    @Test func boundaryPathsAreBitExact() throws {
        let rows = try HealpixFixture.rows("boundary.csv")
        #expect(rows.count > 50)
        for row in rows {
            let order = Int(row[0])!, index = HealpixFixture.uint(row[1]), step = Int(row[2])!
            let values = row[3].split(separator: " ").map { HealpixFixture.double($0) }
            let expected = stride(from: 0, to: values.count, by: 2).map { Healpix.LonLat(lon: values[$0], lat: values[$0 + 1]) }
            #expect(Healpix.boundaryRadians(order: order, index: index, step: step) == expected, "order \(order) index \(index) step \(step)")
            #expect(Healpix.boundary(order: order, index: index, step: step).count == 4 * step)
        }
    }
}
