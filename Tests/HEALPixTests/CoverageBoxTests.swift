import Foundation
import Testing
@testable import HEALPix

struct BoxCase: Decodable, CustomStringConvertible {
    var ra: [Double]
    var dec: [Double]
    var order: Int
    var runs: [[UInt64]]

    var description: String { "box(ra \(ra), dec \(dec), order \(order))" }
}

/// Whether some point of the cell (a 17 × 17 grid of inner and boundary points)
/// satisfies `inside`.
func cellTouches(order: Int, index: UInt64, _ inside: (Double, Double) -> Bool) -> Bool {
    for a in 0...16 {
        for b in 0...16 {
            let p = Healpix.position(order: order, index: index, dx: Double(a) / 16, dy: Double(b) / 16)
            if inside(p.lon, p.lat) { return true }
        }
    }
    return false
}

/// The bound every superset coverage is held to, against mocpy's set `expected` at
/// order `order`:
/// - it contains `expected`;
/// - every extra cell either touches the region (mocpy misses some cells, mostly next
///   to the poles and to base-cell edges) or lies in the one-cell dilation of
///   `expected`;
/// - the extra cells that do not touch the region number at most
///   `max(8, |expected|)`, so the result is at most about twice mocpy's.
func checkSupersetBound(
    _ actual: MOC, expected: MOC, order: Int, _ label: CustomStringConvertible,
    region inside: (Double, Double) -> Bool
) -> Bool {
    let missing = expected.subtracting(actual).pixels(atOrder: order)
    let extras = actual.subtracting(expected).pixels(atOrder: order)
    let dilated = expected.addingNeighbours()
    let spurious = extras.filter { !cellTouches(order: order, index: $0, inside) }
    let unexplained = spurious.filter { !dilated.contains(order: order, index: $0) }
    let expectedCount = expected.pixels(atOrder: order).count
    let ok = missing.isEmpty && unexplained.isEmpty && spurious.count <= max(8, expectedCount)
    if !ok {
        Issue.record("""
            \(label): missing \(missing.count) \(missing.prefix(8)), outside dilation and region \
            \(unexplained.count) \(unexplained.prefix(8)), \(spurious.count) cells off the region \
            over \(expectedCount)
            """)
    }
    return ok
}

/// The closed zone of a box case, widened by 1e-9° against rounding, as a point
/// predicate in degrees.
func boxRegion(ra: (Double, Double), dec: (Double, Double)) -> (Double, Double) -> Bool {
    let eps = 1e-9
    let west = MOC.pythonModulo360(ra.0) - eps
    var east = MOC.pythonModulo360(ra.1)
    if east == 0 { east = 360 }
    east += eps
    return { lon, lat in
        guard lat >= min(dec.0, dec.1) - eps && lat <= max(dec.0, dec.1) + eps else { return false }
        if abs(lat) == 90 { return true }
        return west <= east ? (west <= lon && lon <= east) : (lon >= west || lon <= east)
    }
}

@Suite struct CoverageBoxTests {
    @Test func boxesContainMocpyWithinOneCell() throws {
        let cases = try CoverageFixtures.load("boxes.json", as: [BoxCase].self)
        #expect(cases.count > 100)
        check(cases)
    }

    /// A larger run, opt-in: `COVERAGE_STRESS_BOXES=/path/boxes.json swift test …`, with
    /// cases written by the fixture script's `box_case`.
    @Test func stressBoxesFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["COVERAGE_STRESS_BOXES"] else { return }
        check(try JSONDecoder().decode([BoxCase].self, from: Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func check(_ cases: [BoxCase]) {
        var failures = 0
        var extra = 0, total = 0
        for c in cases {
            let expected = CoverageFixtures.moc(runs: c.runs, order: c.order)
            let actual = MOC.box(ra: (c.ra[0], c.ra[1]), dec: (c.dec[0], c.dec[1]), maxOrder: c.order)
            #expect(actual.maxOrder == c.order)
            let region = boxRegion(ra: (c.ra[0], c.ra[1]), dec: (c.dec[0], c.dec[1]))
            if !checkSupersetBound(actual, expected: expected, order: c.order, c, region: region) {
                failures += 1
            }
            total += expected.pixels(atOrder: c.order).count
            extra += actual.pixels(atOrder: c.order).count - expected.pixels(atOrder: c.order).count
        }
        #expect(failures == 0)
        // Over all cases, the extra cells stay a small fraction of mocpy's.
        #expect(Double(extra) <= 0.25 * Double(total), "extra \(extra) over \(total) cells")
    }

    @Test func pointsInsideTheBoxAreCovered() {
        let boxes: [((Double, Double), (Double, Double))] = [
            ((10, 20), (-5, 5)), ((350, 10), (-10, 10)), ((0, 30), (60, 90)), ((100, 280), (-90, -70)),
        ]
        for (ra, dec) in boxes {
            let moc = MOC.box(ra: ra, dec: dec, maxOrder: 7)
            let width = ra.0 < ra.1 ? ra.1 - ra.0 : ra.1 + 360 - ra.0
            for a in stride(from: 0.0, through: 1.0, by: 0.05) {
                for b in stride(from: 0.0, through: 1.0, by: 0.05) {
                    let lon = (ra.0 + a * width).truncatingRemainder(dividingBy: 360)
                    let lat = dec.0 + b * (dec.1 - dec.0)
                    #expect(moc.contains(lon: lon, lat: lat), "(\(lon), \(lat)) in box \(ra) \(dec)")
                }
            }
        }
    }

    @Test func raIsReducedLikePython() {
        #expect(MOC.pythonModulo360(-20) == 340)
        #expect(MOC.pythonModulo360(370) == 10)
        #expect(MOC.pythonModulo360(-0.0).sign == .plus)
        #expect(MOC.box(ra: (-20, 20), dec: (-1, 1), maxOrder: 6) == MOC.box(ra: (340, 20), dec: (-1, 1), maxOrder: 6))
        // A full turn: ra (0, 0) means 0 to 360, the whole band.
        let band = MOC.box(ra: (0, 0), dec: (-5, 5), maxOrder: 5)
        #expect(band == MOC.zone(lonMin: 0, latMin: -5, lonMax: 360, latMax: 5, maxOrder: 5))
        #expect(band.contains(lon: 180, lat: 0) && band.contains(lon: 359.9, lat: 4.9))
    }
}
