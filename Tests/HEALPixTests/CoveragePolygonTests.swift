import Foundation
import Testing
@testable import HEALPix

struct PolygonCase: Decodable, CustomStringConvertible {
    var vertices: [[Double]]
    var order: Int
    var runs: [[UInt64]]

    var lonLat: [(lon: Double, lat: Double)] { vertices.map { (lon: $0[0], lat: $0[1]) } }
    var description: String { "polygon(\(vertices), order \(order))" }
}

/// The closed convex polygon as a point predicate in degrees, independent of the
/// library: a point is inside when it is on the inner side of every edge plane.
func polygonRegion(_ vertices: [(lon: Double, lat: Double)]) -> (Double, Double) -> Bool {
    func vector(_ lon: Double, _ lat: Double) -> SIMD3<Double> {
        let a = lon * .pi / 180, b = lat * .pi / 180
        return SIMD3(cos(b) * cos(a), cos(b) * sin(a), sin(b))
    }
    func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }
    let v = vertices.map { vector($0.lon, $0.lat) }
    let normals = v.indices.map { cross(v[$0], v[($0 + 1) % v.count]) }
    let centroid = v.reduce(SIMD3<Double>(repeating: 0), +)
    let sign: Double = (normals[0] * centroid).sum() >= 0 ? 1 : -1
    return { lon, lat in
        let p = vector(lon, lat)
        return normals.allSatisfy { sign * ($0 * p).sum() >= -1e-12 }
    }
}

@Suite struct CoveragePolygonTests {
    @Test func polygonsContainMocpyWithinOneCell() throws {
        let cases = try CoverageFixtures.load("polygons.json", as: [PolygonCase].self)
        #expect(cases.count > 50)
        check(cases)
    }

    /// A larger run, opt-in: `COVERAGE_STRESS_POLYGONS=/path/polygons.json swift test …`,
    /// with cases written by the fixture script's `polygon_case`.
    @Test func stressPolygonsFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["COVERAGE_STRESS_POLYGONS"] else { return }
        check(try JSONDecoder().decode([PolygonCase].self, from: Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func check(_ cases: [PolygonCase]) {
        var failures = 0
        var extra = 0, total = 0
        for c in cases {
            let expected = CoverageFixtures.moc(runs: c.runs, order: c.order)
            let actual = MOC.polygon(vertices: c.lonLat, maxOrder: c.order)
            #expect(actual.maxOrder == c.order)
            if !checkSupersetBound(actual, expected: expected, order: c.order, c, region: polygonRegion(c.lonLat)) {
                failures += 1
            }
            total += expected.pixels(atOrder: c.order).count
            extra += actual.pixels(atOrder: c.order).count - expected.pixels(atOrder: c.order).count
        }
        #expect(failures == 0)
        #expect(Double(extra) <= 0.5 * Double(total), "extra \(extra) over \(total) cells")
    }

    @Test func windingOrderDoesNotMatter() {
        let square: [(lon: Double, lat: Double)] = [(10, 10), (20, 10), (20, 20), (10, 20)]
        let a = MOC.polygon(vertices: square, maxOrder: 7)
        let b = MOC.polygon(vertices: square.reversed(), maxOrder: 7)
        #expect(a == b)
        #expect(a.contains(lon: 15, lat: 15))
        #expect(!a.contains(lon: 25, lat: 15))
    }

    @Test func convexityIsChecked() {
        #expect(MOC.isConvexPolygon([(10, 10), (20, 10), (20, 20), (10, 20)]))
        #expect(!MOC.isConvexPolygon([(10, 10), (20, 10), (12, 12), (10, 20)]))
        #expect(!MOC.isConvexPolygon([(10, 10), (20, 10)]))
        #expect(!MOC.isConvexPolygon([(0, 0), (10, 0), (20, 0)]))
        // lsdb's np.isclose threshold calls a 5″ triangle degenerate; coverage still works.
        let tiny: [(lon: Double, lat: Double)] = [(10, 10), (10.0014, 10), (10, 10.0014)]
        #expect(!MOC.isConvexPolygon(tiny))
        #expect(MOC.polygon(vertices: tiny, maxOrder: 14).contains(lon: 10.0003, lat: 10.0003))
    }

    @Test func polygonAroundThePoleHoldsThePole() {
        let cap = MOC.polygon(vertices: [(0, 80), (90, 80), (180, 80), (270, 80)], maxOrder: 6)
        #expect(cap.contains(lon: 0, lat: 90))
        #expect(cap.contains(lon: 45, lat: 85))
        #expect(!cap.contains(lon: 45, lat: 70))
    }
}
