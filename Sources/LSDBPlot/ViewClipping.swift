import Foundation
import HEALPix

/// Clipping for the zoomed views: shapes are cut to the part of the sky in front of
/// the tangent plane before a gnomonic projection, and to a margin around the field
/// after it, so that far-away cells keep finite, modest coordinates (cairo works in
/// 24.8 fixed point) and a cell larger than the field still fills it.
extension SkyProjection {
    /// The smallest `cos c` (angle from the centre) kept before a gnomonic projection.
    var gnomonicCapCosine: Double {
        guard case .gnomonic(_, _, let fov) = self else { return -1 }
        let half = tan(min(fov, 170) / 2 * .pi / 180)
        return min(0.2, 0.5 * cos(atan(half * 2.0.squareRoot())))
    }

    /// The plane rectangle shapes are clipped to: the view and a margin as wide as it.
    var clipBounds: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
        let b = planeBounds
        let (w, h) = (b.maxX - b.minX, b.maxY - b.minY)
        return (b.minX - w, b.maxX + w, b.minY - h, b.maxY + h)
    }

    /// A ring cut to the cap in front of the gnomonic tangent plane (3D Sutherland–Hodgman).
    func gnomonicVisibleRing(_ ring: [SkyPoint]) -> [SkyPoint] {
        guard case .gnomonic(let ra0, let dec0, _) = self else { return ring }
        let c = Healpix.unitVector(lon: ra0, lat: dec0), limit = gnomonicCapCosine
        let vectors = ring.map { Healpix.unitVector(lon: $0.ra, lat: $0.dec) }
        var out: [SIMD3<Double>] = []
        for i in vectors.indices {
            let a = vectors[i], b = vectors[(i + 1) % vectors.count]
            let (da, db) = ((a * c).sum() - limit, (b * c).sum() - limit)
            if da >= 0 { out.append(a) }
            if (da >= 0) != (db >= 0) {
                let t = da / (da - db)
                out.append(a + t * (b - a))
            }
        }
        return out.map(SkyGeometry.point)
    }

    /// A polygon cut to ``clipBounds``.
    func clipToView(_ polygon: [PlanePoint]) -> [PlanePoint] {
        let b = clipBounds
        var p = polygon
        p = Self.clipPolygon(p, inside: { $0.x >= b.minX }, cross: { a, q in Self.atX(a, q, b.minX) })
        p = Self.clipPolygon(p, inside: { $0.x <= b.maxX }, cross: { a, q in Self.atX(a, q, b.maxX) })
        p = Self.clipPolygon(p, inside: { $0.y >= b.minY }, cross: { a, q in Self.atY(a, q, b.minY) })
        p = Self.clipPolygon(p, inside: { $0.y <= b.maxY }, cross: { a, q in Self.atY(a, q, b.maxY) })
        return p
    }

    /// A polyline cut to ``clipBounds``: the runs inside (Liang–Barsky per segment).
    func clipToView(polyline: [PlanePoint]) -> [[PlanePoint]] {
        let b = clipBounds
        var runs: [[PlanePoint]] = [], run: [PlanePoint] = []
        for i in 0..<max(0, polyline.count - 1) {
            let a = polyline[i], q = polyline[i + 1]
            var (t0, t1) = (0.0, 1.0)
            let (dx, dy) = (q.x - a.x, q.y - a.y)
            var visible = true
            for (p, r) in [(-dx, a.x - b.minX), (dx, b.maxX - a.x), (-dy, a.y - b.minY), (dy, b.maxY - a.y)] {
                if p == 0 {
                    if r < 0 { visible = false }
                } else {
                    let t = r / p
                    if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                }
            }
            guard visible, t0 <= t1 else {
                if run.count >= 2 { runs.append(run) }
                run = []
                continue
            }
            let start = PlanePoint(x: a.x + t0 * dx, y: a.y + t0 * dy), end = PlanePoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
            if run.isEmpty { run.append(start) }
            run.append(end)
            if t1 < 1 {
                runs.append(run)
                run = []
            }
        }
        if run.count >= 2 { runs.append(run) }
        return runs
    }

    private static func clipPolygon(_ polygon: [PlanePoint], inside: (PlanePoint) -> Bool,
                                    cross: (PlanePoint, PlanePoint) -> PlanePoint) -> [PlanePoint] {
        var out: [PlanePoint] = []
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            if inside(a) { out.append(a) }
            if inside(a) != inside(b) { out.append(cross(a, b)) }
        }
        return out
    }

    private static func atX(_ a: PlanePoint, _ b: PlanePoint, _ x: Double) -> PlanePoint {
        PlanePoint(x: x, y: a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y))
    }

    private static func atY(_ a: PlanePoint, _ b: PlanePoint, _ y: Double) -> PlanePoint {
        PlanePoint(x: a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x), y: y)
    }
}
