import Foundation
import Testing
@testable import HEALPix

/// Per-order sizes, hats' margin heuristics and angular distances.
@Suite struct SizeAndDistanceTests {
    @Test func sizesMatchHats() throws {
        for row in try HealpixFixture.rows("sizes.csv") {
            let order = Int(row[0])!
            let resol = HealpixFixture.double(row[1]), area = HealpixFixture.double(row[2])
            let mindist = HealpixFixture.double(row[3])
            #expect(abs(Healpix.resolutionArcsec(order: order) / resol - 1) < 1e-14)
            #expect(abs(Healpix.pixelAreaDegrees(order: order) / area - 1) < 1e-14)
            #expect(abs(Healpix.order2mindist(order) / mindist - 1) < 1e-14)
            #expect(Healpix.pixelCount(order: order) == 12 << UInt64(2 * order))
            #expect(Healpix.nside(order: order) == 1 << UInt64(order))
        }
        #expect(abs(Healpix.order2mindist(4) * 60 - 8245.167388361773) < 1e-9)
        #expect(abs(Healpix.pixelArea(order: 0) * 12 - 4 * Double.pi) < 1e-14)
    }

    @Test func marginOrdersMatchHats() throws {
        for row in try HealpixFixture.rows("margin_orders.csv") {
            let t = HealpixFixture.double(row[0])
            #expect(Healpix.margin2order(marginThresholdArcsec: t) == Int(row[1])!, "threshold \(t)")
        }
        let table: [(Double, Int)] = [(1, 17), (5, 14), (10, 13), (60, 11), (180, 9), (600, 7), (1800, 6), (3600, 5), (7200, 4)]
        for (t, o) in table { #expect(Healpix.margin2order(marginThresholdArcsec: t) == o) }
    }

    @Test func maxCenterToVertexDistance() {
        let arcsec = Healpix.radToDeg * 3600
        #expect(abs(Healpix.maxCenterToVertexDistance(order: 0) * Healpix.radToDeg - 48.19) < 0.01)
        #expect(abs(Healpix.maxCenterToVertexDistance(order: 10) * arcsec - 215.28) < 0.01)
        #expect(abs(Healpix.maxCenterToVertexDistance(order: 29) * arcsec / 4.107e-4 - 1) < 1e-3)
        // Every vertex lies within the bound of its centre.
        var g = SplitMix64(state: 99)
        for order in [0, 1, 2, 4, 8, 12] {
            let bound = Healpix.maxCenterToVertexDistance(order: order)
            for _ in 0..<200 {
                let index = g.next() % Healpix.pixelCount(order: order)
                let c = Healpix.centerRadians(order: order, index: index)
                for v in Healpix.verticesRadians(order: order, index: index).all {
                    let d = Healpix.angularSeparationRadians(lon1: c.lon, lat1: c.lat, lon2: v.lon, lat2: v.lat)
                    #expect(d <= bound * (1 + 1e-12))
                }
            }
        }
    }

    @Test func separationsMatchAstropy() throws {
        let rows = try HealpixFixture.rows("separations.csv")
        var lon2: [Double] = [], lat2: [Double] = []
        for row in rows {
            let a = row.map { HealpixFixture.double($0) }
            let s = Healpix.angularSeparation(lon1: a[0], lat1: a[1], lon2: a[2], lat2: a[3])
            #expect(abs(s - a[4]) * 3600 < 1e-9, "\(a)")
            let va = Healpix.unitVector(lon: a[0], lat: a[1]), vb = Healpix.unitVector(lon: a[2], lat: a[3])
            #expect(abs(Healpix.angle(between: va, and: vb) * Healpix.radToDeg - a[4]) * 3600 < 1e-8, "\(a)")
            lon2.append(a[2]); lat2.append(a[3])
        }
        // The batch form equals the scalar one.
        let first = rows[0].map { HealpixFixture.double($0) }
        var out = [Double](repeating: 0, count: lon2.count)
        lon2.withUnsafeBufferPointer { l in
            lat2.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer {
                    Healpix.angularSeparation(lon: l, lat: b, fromLon: first[0], fromLat: first[1], into: $0)
                }
            }
        }
        for k in lon2.indices {
            let s = Healpix.angularSeparation(lon1: first[0], lat1: first[1], lon2: lon2[k], lat2: lat2[k])
            #expect(abs(out[k] - s) <= 1e-12 * max(1, s))
        }
    }

    @Test func unitVectorRoundTrip() {
        var g = SplitMix64(state: 3)
        for _ in 0..<1000 {
            let lon = g.unit() * 360, lat = g.unit() * 180 - 90
            let v = Healpix.unitVector(lon: lon, lat: lat)
            #expect(abs((v * v).sum() - 1) < 1e-15)
            let back = Healpix.lonLat(of: v)
            #expect(Healpix.angularSeparation(lon1: lon, lat1: lat, lon2: back.lon, lat2: back.lat) * 3600 < 1e-9)
            #expect(back.lon >= 0 && back.lon < 360)
        }
        // 1 nano-arcsecond apart: the error is the input rounding, ~1e-11″.
        let lat2 = 20 + 1e-9 / 3600, exact = lat2 - 20
        #expect(abs(Healpix.angularSeparation(lon1: 10, lat1: 20, lon2: 10, lat2: lat2) - exact) * 3600 < 1e-10)
    }
}
