import Foundation
import Testing
@testable import LSDB

@Suite("Sine and cosine in degrees")
struct SinCosTests {
    /// libm's sine and cosine of `x` degrees, reduced to ±45° exactly first, so that only the
    /// functions themselves are compared (libm on `x·π/180` also carries the rounding of a
    /// large product).
    static func reference(_ x: Double) -> (Double, Double) {
        let q = (x / 90).rounded()
        let r = (x - 90 * q) * (Double.pi / 180)
        let (s, c) = (sin(r), cos(r))
        switch ((Int(q) % 4) + 4) % 4 {
        case 1: return (c, -s)
        case 2: return (-s, -c)
        case 3: return (-c, s)
        default: return (s, c)
        }
    }

    static func ulps(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(b).ulp, Double.leastNonzeroMagnitude)
    }

    @Test("within 2 ulp of libm over right ascensions, declinations and beyond")
    func agreesWithLibm() {
        var state: UInt64 = 0x5EED
        var inputs: [Double] = (-1440...1440).map { Double($0) * 0.5 }
        for _ in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            inputs.append(Double(state >> 11) / Double(1 << 53) * 1440 - 720)
        }
        inputs += [1e-300, -5e-324, 359.99999999999994, 1e6 + 0.125, -12_345_678.9]
        var worst = 0.0
        for x in inputs {
            let (s, c) = SinCos.degrees(x)
            let (rs, rc) = Self.reference(x)
            worst = max(worst, Self.ulps(s, rs), Self.ulps(c, rc))
        }
        #expect(worst <= 2)
    }

    @Test("exact at multiples of 90°, and the libm unit vector to 1e-15")
    func cardinalAngles() {
        for (x, s, c) in [(0.0, 0.0, 1.0), (90, 1, 0), (180, 0, -1), (270, -1, 0), (360, 0, 1), (-90, -1, 0), (450, 1, 0)] {
            let r = SinCos.degrees(x)
            #expect(r.sin == s && r.cos == c, "\(x)°")
        }
        for (ra, dec) in [(12.5, -33.25), (359.999, 89.9), (180.0001, -0.0001), (271.3, 45)] {
            let v = NearestNeighbours.unitVector(ra, dec)
            let a = ra * Double.pi / 180, d = dec * Double.pi / 180
            let expected = SIMD3(cos(d) * cos(a), cos(d) * sin(a), sin(d))
            #expect(((v - expected) * (v - expected)).sum().squareRoot() < 1e-15)
        }
    }
}
