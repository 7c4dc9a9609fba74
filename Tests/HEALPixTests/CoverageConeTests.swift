import Foundation
import Testing
@testable import HEALPix

/// Reads the fixtures written by `Scripts/make_coverage_fixtures.py` (mocpy 0.21.0).
enum CoverageFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/coverage")

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Inclusive runs `[[first, last], …]` at `order` as a MOC of that order.
    static func moc(runs: [[UInt64]], order: Int) -> MOC {
        let shift = UInt64(2 * (29 - order))
        return MOC(ranges: runs.map { ($0[0] << shift)..<(($0[1] + 1) << shift) }, maxOrder: order)
    }
}

struct ConeCase: Decodable, CustomStringConvertible {
    var lon: Double
    var lat: Double
    var radius_deg: Double?
    var radius_arcsec: Double?
    var order: Int
    var runs: [[UInt64]]

    var description: String {
        "cone(\(lon), \(lat), r=\(radius_deg.map { "\($0)°" } ?? "\(radius_arcsec ?? 0)″"), order \(order))"
    }

    func coverage() -> MOC {
        if let arcsec = radius_arcsec {
            return MOC.cone(lon: lon, lat: lat, radiusArcsec: arcsec, maxOrder: order)
        }
        return MOC.cone(lon: lon, lat: lat, radiusDegrees: radius_deg ?? 0, maxOrder: order)
    }
}

@Suite struct CoverageConeTests {
    @Test func conesEqualMocpy() throws {
        let cases = try CoverageFixtures.load("cones.json", as: [ConeCase].self)
        #expect(cases.count > 500)
        checkEqual(cases)
    }

    /// A larger run, opt-in: `COVERAGE_STRESS_CONES=/path/cones.json swift test …`, with a
    /// file written by the fixture script's `cone_case` (see its docstring).
    @Test func stressConesFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["COVERAGE_STRESS_CONES"] else { return }
        let cases = try JSONDecoder().decode([ConeCase].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        checkEqual(cases)
    }

    func checkEqual(_ cases: [ConeCase]) {
        var mismatches = 0
        for c in cases {
            let expected = CoverageFixtures.moc(runs: c.runs, order: c.order)
            let actual = c.coverage()
            if actual != expected {
                mismatches += 1
                if mismatches <= 10 {
                    let extra = actual.subtracting(expected).pixels(atOrder: c.order)
                    let missing = expected.subtracting(actual).pixels(atOrder: c.order)
                    Issue.record("\(c): extra \(extra.prefix(10)), missing \(missing.prefix(10))")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func coneContainsItsCentreAndBoundary() {
        for (lon, lat, r) in [(10.0, 20.0, 1.0), (0.0, 90.0, 3.0), (359.5, -41.81, 0.2), (200.0, -89.0, 5.0)] {
            for order in [4, 8, 11] {
                let moc = MOC.cone(lon: lon, lat: lat, radiusDegrees: r, maxOrder: order)
                #expect(moc.maxOrder == order)
                #expect(moc.contains(order: order, index: Healpix.hash(order: order, lon: lon, lat: lat)))
                // Points on the circle (destination-point formula) are covered.
                let lat0 = lat * .pi / 180, d = r * .pi / 180
                for k in 0..<36 {
                    let b = Double(k) * .pi / 18
                    let la = asin(sin(lat0) * cos(d) + cos(lat0) * sin(d) * cos(b))
                    let lo = lon * .pi / 180 + atan2(sin(b) * sin(d) * cos(lat0), cos(d) - sin(lat0) * sin(la))
                    let h = Healpix.hash(order: order, lon: lo * 180 / .pi, lat: la * 180 / .pi)
                    #expect(moc.overlaps(order: order, index: h))
                }
            }
        }
    }

    @Test func fullSkyAndDegenerateRadii() {
        #expect(MOC.cone(lon: 0, lat: 0, radiusDegrees: 180, maxOrder: 3) == MOC.fullSky(maxOrder: 3))
        let point = MOC.cone(lon: 12, lat: 34, radiusDegrees: 0, maxOrder: 10)
        #expect(point.contains(order: 10, index: Healpix.hash(order: 10, lon: 12, lat: 34)))
        #expect(point.pixels(atOrder: 10).count <= 4)
    }

    @Test func longitudesAreWrappedLikeAstropy() {
        // The seed's `--cone -35,-55,7200`.
        #expect(MOC.cone(lon: -35, lat: -55, radiusArcsec: 7200, maxOrder: 8)
            == MOC.cone(lon: 325, lat: -55, radiusArcsec: 7200, maxOrder: 8))
        #expect(MOC.cone(lon: 370, lat: 5, radiusDegrees: 1, maxOrder: 6)
            == MOC.cone(lon: 10, lat: 5, radiusDegrees: 1, maxOrder: 6))
    }

    @Test func arcsecRadiusUsesAstropyScale() {
        // 0.5 % of radii give a different last bit with r / 3600; the scale is astropy's.
        #expect(MOC.arcsecToDegrees == 1.0 / 3600.0)
        let a = MOC.cone(lon: 325, lat: -55, radiusArcsec: 7200, maxOrder: 10)
        let b = MOC.cone(lon: 325, lat: -55, radiusDegrees: 2, maxOrder: 10)
        #expect(a == b)
    }
}
