import Foundation
import HEALPix

/// A position on the sky in degrees.
public struct SkyPoint: Hashable, Sendable {
    /// Right ascension, degrees.
    public var ra: Double
    /// Declination, degrees.
    public var dec: Double

    /// Creates a position.
    public init(ra: Double, dec: Double) {
        self.ra = ra
        self.dec = dec
    }
}

/// Sampled outlines of regions on the sphere: HEALPix cells, small circles,
/// great-circle arcs, and RA/Dec boxes.
enum SkyGeometry {
    static let d2r = Double.pi / 180

    /// A cell's boundary sampled densely enough to follow its curved sides
    /// (cdshealpix's boundary, `step` points per side).
    static func cellRing(_ pixel: HealpixPixel) -> [SkyPoint] {
        let step = max(1, min(64, Int(Healpix.resolutionDegrees(order: pixel.order) * 2)))
        return Healpix.boundary(order: pixel.order, index: pixel.index, step: step)
            .map { SkyPoint(ra: $0.lon, dec: $0.lat) }
    }

    /// The small circle `radius` degrees from a centre, `count` points, by bearing.
    static func smallCircle(center: SkyPoint, radius: Double, count: Int = 360) -> [SkyPoint] {
        let (lat0, lon0, r) = (center.dec * d2r, center.ra * d2r, radius * d2r)
        return (0..<count).map { k in
            let bearing = 2 * Double.pi * Double(k) / Double(count)
            let lat = asin(max(-1, min(1, sin(lat0) * cos(r) + cos(lat0) * sin(r) * cos(bearing))))
            let lon = lon0 + atan2(sin(bearing) * sin(r) * cos(lat0), cos(r) - sin(lat0) * sin(lat))
            return SkyPoint(ra: lon / d2r, dec: lat / d2r)
        }
    }

    /// The great-circle arc from `a` towards `b`, every `maxStep` degrees at most,
    /// `a` included and `b` excluded.
    static func greatArc(from a: SkyPoint, to b: SkyPoint, maxStep: Double = 0.5) -> [SkyPoint] {
        let u = Healpix.unitVector(lon: a.ra, lat: a.dec), v = Healpix.unitVector(lon: b.ra, lat: b.dec)
        let angle = acos(max(-1, min(1, (u * v).sum())))
        let n = max(1, Int((angle / d2r / maxStep).rounded(.up)))
        guard angle > 1e-12 else { return [a] }
        return (0..<n).map { k in
            let t = Double(k) / Double(n)
            let p = (sin((1 - t) * angle) * u + sin(t * angle) * v) / sin(angle)
            return point(p)
        }
    }

    /// A closed polygon whose edges are great-circle arcs.
    static func polygonRing(_ vertices: [SkyPoint]) -> [SkyPoint] {
        vertices.indices.flatMap { greatArc(from: vertices[$0], to: vertices[($0 + 1) % vertices.count]) }
    }

    /// The outline of an RA/Dec box: parallels at the Dec limits and meridians at
    /// the RA limits; `raStart > raEnd` wraps through RA 0, equal ends span all RA.
    static func boxRing(ra: (Double, Double), dec: (Double, Double)) -> [SkyPoint] {
        var span = ra.1 - ra.0
        if span <= 0 { span += 360 }
        let nRA = max(2, Int(span.rounded(.up)) * 2), nDec = max(2, Int((dec.1 - dec.0).rounded(.up)) * 2)
        var ring: [SkyPoint] = []
        for k in 0..<nRA { ring.append(SkyPoint(ra: ra.0 + span * Double(k) / Double(nRA), dec: dec.0)) }
        for k in 0..<nDec { ring.append(SkyPoint(ra: ra.0 + span, dec: dec.0 + (dec.1 - dec.0) * Double(k) / Double(nDec))) }
        for k in 0..<nRA { ring.append(SkyPoint(ra: ra.0 + span * Double(nRA - k) / Double(nRA), dec: dec.1)) }
        for k in 0..<nDec { ring.append(SkyPoint(ra: ra.0, dec: dec.1 - (dec.1 - dec.0) * Double(k) / Double(nDec))) }
        return ring
    }

    /// The unit vector of a position.
    static func unitVector(_ p: SkyPoint) -> SIMD3<Double> {
        Healpix.unitVector(lon: p.ra, lat: p.dec)
    }

    /// The position of a unit vector.
    static func point(_ p: SIMD3<Double>) -> SkyPoint {
        SkyPoint(ra: atan2(p.y, p.x) / d2r, dec: asin(max(-1, min(1, p.z / (p * p).sum().squareRoot()))) / d2r)
    }
}
