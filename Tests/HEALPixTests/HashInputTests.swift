import Foundation
import Testing
@testable import HEALPix

/// Input handling: wrapping, signed zero, invalid positions.
@Suite struct HashInputTests {
    @Test func negativeZeroLongitudeKeepsItsSign() {
        #expect(Healpix.hash(order: 0, lon: -0.0, lat: 60) == 3)
        #expect(Healpix.hash(order: 0, lon: 0.0, lat: 60) == 0)
        #expect(Healpix.hash(order: 0, lon: -0.0, lat: -60) == 11)
        #expect(Healpix.hash(order: 0, lon: 0.0, lat: -60) == 8)
        #expect(Healpix.hash(order: 0, lon: -0.0, lat: 0) == Healpix.hash(order: 0, lon: 0.0, lat: 0))
    }

    @Test func transitionLatitude() {
        let tl = 41.810314895778596
        #expect(tl * Healpix.degToRad == Healpix.transitionLatitude)
        for (lon, face) in [(0.0, 0), (10, 0), (45, 0), (80, 0), (90, 1), (135, 1)] as [(Double, UInt64)] {
            #expect(Healpix.hash(order: 0, lon: lon, lat: tl) == face)
        }
        for (lon, face) in [(0.0, 4), (10, 8), (80, 8), (90, 5)] as [(Double, UInt64)] {
            #expect(Healpix.hash(order: 0, lon: lon, lat: -tl) == face)
        }
    }

    @Test func longitudeWrappingFollowsAstropy() {
        #expect(Healpix.wrapLongitude(360) == 0)
        #expect(Healpix.wrapLongitude(-1e-20) == 0)
        #expect(Healpix.wrapLongitude(720) == 0)
        #expect(Healpix.wrapLongitude(-720.5) == 359.5)
        #expect(Healpix.wrapLongitude(1000.25) == 280.25)
        #expect(Healpix.wrapLongitude(-0.0).sign == .minus)
        #expect(Healpix.wrapLongitude(.nan).isNaN)
        #expect(Healpix.hash(order: 29, lon: -10, lat: 5) == Healpix.hash(order: 29, lon: 350, lat: 5))
        #expect(Healpix.hash(order: 29, lon: 360, lat: 5) == Healpix.hash(order: 29, lon: 0, lat: 5))
    }

    @Test func invalidPositionsGiveTheSentinel() {
        for (lon, lat) in [(0.0, Double.nan), (Double.nan, 0), (Double.infinity, 0), (-Double.infinity, 10),
                           (10, 90.000000001), (10, -91), (10, .infinity)] {
            #expect(Healpix.hash(order: 29, lon: lon, lat: lat) == Healpix.invalidIndex)
            #expect(throws: HealpixError.self) { try Healpix.checkedHash(order: 29, lon: lon, lat: lat) }
            #expect(Healpix.hashWithOffsets(order: 3, lon: lon, lat: lat).index == Healpix.invalidIndex)
            #expect(HealpixPixel(order: 5, lon: lon, lat: lat) == nil)
        }
        #expect(throws: HealpixError.invalidOrder(30)) { try Healpix.checkedHash(order: 30, lon: 0, lat: 0) }
        let lon: [Double] = [10, .nan, 20, 30], lat: [Double] = [0, 0, 95, -90]
        var out = [Int64](repeating: 0, count: 4)
        let invalid = lon.withUnsafeBufferPointer { l in
            lat.withUnsafeBufferPointer { b in out.withUnsafeMutableBufferPointer { Healpix.hash(order: 29, lon: l, lat: b, into: $0) } }
        }
        #expect(invalid == 2)
        #expect(out[1] == -1 && out[2] == -1 && out[0] >= 0 && out[3] >= 0)
    }

    @Test func radianEntryPointMatchesDegrees() {
        var g = SplitMix64(state: 7)
        for _ in 0..<2000 {
            let lon = g.unit() * 360, lat = g.unit() * 180 - 90
            let h = Healpix.hash(order: 29, lon: lon, lat: lat)
            #expect(Healpix.hash(order: 29, lonRadians: lon * Healpix.degToRad, latRadians: lat * Healpix.degToRad) == h)
        }
        #expect(Healpix.hash(order: 3, lonRadians: 0, latRadians: 2) == Healpix.invalidIndex)
        let far = Healpix.hash(order: 10, lonRadians: 1 + 200 * Double.pi, latRadians: 0.3)
        #expect(far == Healpix.hash(order: 10, lonRadians: fmod(1 + 200 * Double.pi, 2 * Double.pi), latRadians: 0.3))
    }

    @Test func poles() {
        for order in [0, 1, 5, 29] {
            let n = Healpix.nside(order: order)
            let north = Healpix.hash(order: order, lon: 12.5, lat: 90)
            #expect(north == n * n - 1)
            let south = Healpix.hash(order: order, lon: 12.5, lat: -90)
            #expect(south == 8 * n * n)
        }
    }
}
