import HEALPix

/// The rows inside a convex spherical polygon (LSDB's `PolygonSearch`).
///
/// Edges are great-circle arcs between consecutive vertices, the last joining
/// the first; either winding order works. A row is inside when it is on the
/// inner side of every edge, boundary included, as lsst-sphgeom's
/// `ConvexPolygon.contains` decides.
public struct PolygonSearch: Search {
    /// The vertices as `(ra, dec)` in degrees.
    public let vertices: [(ra: Double, dec: Double)]
    /// Whether rows are filtered (default `true`).
    public var isFine: Bool

    /// Creates a polygon search.
    public init(vertices: [(ra: Double, dec: Double)], fine: Bool = true) {
        self.vertices = vertices
        self.isFine = fine
    }

    /// At least 3 distinct, finite vertices forming a convex, non-degenerate polygon.
    public func validate() throws(LSDBError) {
        guard vertices.count >= 3 else {
            throw .invalidArgument("a polygon needs at least 3 vertices, got \(vertices.count)")
        }
        for v in vertices {
            try SearchValidation.rightAscension(v.ra, "polygon ra")
            try SearchValidation.declination(v.dec, "polygon dec")
        }
        for i in vertices.indices {
            for j in vertices.indices where j > i && vertices[i] == vertices[j] {
                throw .invalidArgument("polygon vertex (\(vertices[i].ra), \(vertices[i].dec)) appears twice")
            }
        }
        guard MOC.isConvexPolygon(vertices.map { (lon: $0.ra, lat: $0.dec) }) else {
            throw .invalidArgument("the polygon must be convex and not degenerate")
        }
    }

    /// The polygon's coverage (a superset of mocpy's `MOC.from_polygon_skycoord`).
    public func coverage(maxOrder: Int) -> MOC? {
        MOC.polygon(vertices: vertices.map { (lon: $0.ra, lat: $0.dec) }, maxOrder: maxOrder)
    }

    /// Inner side of every edge, boundary included.
    public func contains(ra raValues: UnsafeBufferPointer<Double>, dec decValues: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        let normals = innerNormals()
        for i in 0..<raValues.count {
            let p = Healpix.unitVector(lon: raValues[i], lat: decValues[i])
            var inside = true
            for n in normals where (n * p).sum() < 0 {
                inside = false
                break
            }
            mask[i] = inside
        }
    }

    /// The edge normals `vᵢ × vᵢ₊₁`, flipped if needed so that they point inwards.
    func innerNormals() -> [SIMD3<Double>] {
        let points = vertices.map { Healpix.unitVector(lon: $0.ra, lat: $0.dec) }
        var normals: [SIMD3<Double>] = []
        for i in points.indices {
            normals.append(Self.cross(points[i], points[(i + 1) % points.count]))
        }
        let orientation = (normals[0] * points[2 % points.count]).sum()
        return orientation < 0 ? normals.map { -$0 } : normals
    }

    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    /// `PolygonSearch(vertices: […])`.
    public var description: String {
        "PolygonSearch(vertices: [" + vertices.map { "(\($0.ra), \($0.dec))" }.joined(separator: ", ") + "])"
    }
}
