import Foundation

extension MOC {
    /// The cells overlapping a convex spherical polygon, the region of lsdb's
    /// `PolygonSearch` (hats `polygon_to_moc`, mocpy `MOC.from_polygon_skycoord`).
    ///
    /// Edges are great-circle arcs between consecutive vertices (the last joins the
    /// first); the interior is the convex side. The coverage is a superset of mocpy's:
    /// a cell is kept when a cap enclosing it, or the caps of its descendants two orders
    /// deeper, meet the polygon, so the only extra cells lie within about a quarter
    /// of a cell of the polygon's edges (the tests check that they touch the polygon
    /// or lie in the one-cell dilation of mocpy's set).
    ///
    /// - Parameters:
    ///   - vertices: at least 3 `(lon, lat)` pairs in degrees, in either winding order,
    ///     forming a convex polygon smaller than a hemisphere (as lsdb validates; see
    ///     ``isConvexPolygon(_:)``).
    ///   - maxOrder: the order of the resulting MOC.
    /// - Precondition: the polygon is convex and not degenerate.
    public static func polygon(vertices: [(lon: Double, lat: Double)], maxOrder: Int) -> MOC {
        precondition(Healpix.isValidOrder(maxOrder), "HEALPix order \(maxOrder) is outside 0...29")
        guard let polygon = ConvexPolygon(vertices: vertices) else {
            preconditionFailure("the polygon must have 3 or more vertices and be convex")
        }
        var cover = PolygonCoverage(polygon: polygon, depth: maxOrder)
        for h in UInt64(0)..<12 { cover.descend(order: 0, index: h) }
        return MOC(ranges: cover.ranges, maxOrder: maxOrder)
    }

    /// Whether the vertices (degrees) pass lsdb's polygon validation (hats
    /// `check_polygon_is_valid`): at least 3 of them, and every triple product
    /// `(vᵢ × vᵢ₊₁) · vᵢ₊₂` of the same sign and not within `1e-8` of zero
    /// (`np.isclose`). Such a polygon is convex; note that this threshold rejects
    /// polygons with sides shorter than about 20″ as degenerate.
    public static func isConvexPolygon(_ vertices: [(lon: Double, lat: Double)]) -> Bool {
        ConvexPolygon(vertices: vertices, degenerateBelow: 1e-8) != nil
    }
}

/// A convex spherical polygon as the intersection of the hemispheres bounded by its
/// edges' great circles.
struct ConvexPolygon {
    /// Vertices as unit vectors, counter-clockwise seen from outside the sphere.
    let vertices: [SIMD3<Double>]
    /// Unit normals of the edges `vᵢ → vᵢ₊₁`, pointing into the polygon.
    let normals: [SIMD3<Double>]

    /// Builds the polygon, or `nil` when it has fewer than 3 vertices, is not convex,
    /// or has a triple product whose magnitude is at most `degenerateBelow`.
    init?(vertices lonLat: [(lon: Double, lat: Double)], degenerateBelow: Double = 0) {
        guard lonLat.count >= 3 else { return nil }
        var v = lonLat.map { Healpix.unitVector(lon: $0.lon, lat: $0.lat) }
        let n = v.count
        var sign = 0.0
        for i in 0..<n {
            let t = dot(cross(v[i], v[(i + 1) % n]), v[(i + 2) % n])
            guard abs(t) > degenerateBelow else { return nil }
            if sign == 0 { sign = t < 0 ? -1 : 1 } else if (t < 0) != (sign < 0) { return nil }
        }
        if sign < 0 { v.reverse() }
        self.vertices = v
        self.normals = (0..<n).map { normalised(cross(v[$0], v[($0 + 1) % n])) }
    }

    /// Where the cap of centre `c` (unit vector) and angular radius `r` stands:
    /// disjoint from, overlapping, or inside the polygon.
    func classify(capCentre c: SIMD3<Double>, radius r: Double) -> (meets: Bool, inside: Bool) {
        let sinR = sin(min(r, Double.pi / 2))
        var centreInside = true
        var capInside = r < Double.pi / 2
        for normal in normals {
            let s = dot(normal, c)
            if s < 0 { centreInside = false }
            if s < sinR { capInside = false }
        }
        if centreInside { return (true, capInside) }
        for i in 0..<vertices.count where arcDistance(from: c, edge: i) <= r {
            return (true, false)
        }
        return (false, false)
    }

    /// The angular distance from `p` to the edge arc `vᵢ → vᵢ₊₁`.
    func arcDistance(from p: SIMD3<Double>, edge i: Int) -> Double {
        let a = vertices[i], b = vertices[(i + 1) % vertices.count]
        let n = normals[i]
        let q = p - dot(p, n) * n
        if dot(cross(a, q), n) >= 0 && dot(cross(q, b), n) >= 0 && dot(q, q) > 0 {
            return abs(asin(max(-1, min(1, dot(p, n)))))
        }
        return min(Healpix.angle(between: p, and: a), Healpix.angle(between: p, and: b))
    }
}

/// Descends the HEALPix tree, keeping the cells whose enclosing cap meets a polygon.
///
/// A cell of the target order that its cap says may meet the polygon is confirmed
/// with the caps of its descendants two orders deeper, which are four times tighter:
/// this keeps distorted cells near the polar base-cell edges from pulling in cells
/// that are two cells away.
struct PolygonCoverage {
    let polygon: ConvexPolygon
    let depth: Int
    var ranges: [Range<UInt64>] = []

    /// Extra orders used to confirm a boundary cell at the target order.
    static let refinement = 2

    init(polygon: ConvexPolygon, depth: Int) {
        self.polygon = polygon
        self.depth = depth
    }

    mutating func descend(order: Int, index: UInt64) {
        let cap = enclosingCap(order: order, index: index)
        let state = polygon.classify(capCentre: cap.centre, radius: cap.radius)
        guard state.meets else { return }
        if state.inside {
            ranges.append(MOC.order29Range(order: order, index: index))
        } else if order == depth {
            let deepest = min(order + PolygonCoverage.refinement, Healpix.maxOrder)
            if mayMeet(order: order, index: index, deepest: deepest) {
                ranges.append(MOC.order29Range(order: order, index: index))
            }
        } else {
            for child in (index << 2)...((index << 2) | 3) { descend(order: order + 1, index: child) }
        }
    }

    /// Whether some descendant of the cell at order `deepest` has a cap meeting the
    /// polygon (the cell's own cap is known to meet it).
    func mayMeet(order: Int, index: UInt64, deepest: Int) -> Bool {
        guard order < deepest else { return true }
        for child in (index << 2)...((index << 2) | 3) {
            let cap = enclosingCap(order: order + 1, index: child)
            let state = polygon.classify(capCentre: cap.centre, radius: cap.radius)
            if state.inside { return true }
            if state.meets && mayMeet(order: order + 1, index: child, deepest: deepest) { return true }
        }
        return false
    }
}

/// A cap (centre, angular radius) that encloses a cell: the largest distance from the
/// centre to its vertices and edge midpoints, with a 10 % margin for the curvature of
/// the edges between those points.
/// Cell offsets `(dx, dy)` of the vertices and edge midpoints.
fileprivate let boundarySamples: [(Double, Double)] = [
    (0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0), (0, 0.5), (1, 0.5), (0.5, 1),
]

fileprivate func enclosingCap(order: Int, index: UInt64) -> (centre: SIMD3<Double>, radius: Double) {
    let c = Healpix.centerRadians(order: order, index: index)
    let centre = Healpix.unitVector(lonRadians: c.lon, latRadians: c.lat)
    var radius = 0.0
    for (dx, dy) in boundarySamples {
        let p = Healpix.positionRadians(order: order, index: index, dx: dx, dy: dy)
        radius = max(radius, Healpix.angle(between: centre, and: Healpix.unitVector(lonRadians: p.lon, latRadians: p.lat)))
    }
    return (centre, radius * 1.1 + 1e-12)
}

@inline(__always)
fileprivate func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

@inline(__always)
fileprivate func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }

@inline(__always)
fileprivate func normalised(_ a: SIMD3<Double>) -> SIMD3<Double> { a / dot(a, a).squareRoot() }
