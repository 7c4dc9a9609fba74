/// Centres, inner points and vertices of cells (cdshealpix `center`,
/// `sph_coo`, `vertices`), bit-identical to cdshealpix in radians.
extension Healpix {
    /// The four vertices of a cell, in the order cdshealpix `vertices`
    /// returns them: south, east, north, west.
    public struct Vertices: Hashable, Sendable {
        /// The southern vertex.
        public var south: LonLat
        /// The eastern vertex.
        public var east: LonLat
        /// The northern vertex.
        public var north: LonLat
        /// The western vertex.
        public var west: LonLat

        /// `[south, east, north, west]`.
        public var all: [LonLat] { [south, east, north, west] }
    }

    /// Folds `2π` to `0`, as astropy `Longitude` does with cdshealpix output.
    @inlinable @inline(__always)
    static func wrapRadians(_ r: (lon: Double, lat: Double)) -> LonLat {
        LonLat(lon: r.lon >= 2 * Double.pi ? r.lon - 2 * Double.pi : r.lon, lat: r.lat)
    }

    /// Radians to degrees; a longitude that rounds up to 360 reads 0.
    @inlinable @inline(__always)
    static func toDegrees(_ p: LonLat) -> LonLat {
        let lon = p.lon * radToDeg
        return LonLat(lon: lon >= 360 ? lon - 360 : lon, lat: p.lat * radToDeg)
    }

    @inlinable @inline(__always)
    static func checkCell(order: Int, index: UInt64) {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        precondition(index < (12 << UInt64(2 * order)), "HEALPix index \(index) too large for order \(order)")
    }

    /// The centre of cell `index` at `order`, in radians (lon in `[0, 2π)`).
    @inlinable
    public static func centerRadians(order: Int, index: UInt64) -> LonLat {
        checkCell(order: order, index: index)
        let c = projectedCenter(order: order, index: index)
        return wrapRadians(unproject(x: c.x, y: c.y))
    }

    /// The centre of cell `index` at `order`, in degrees (lon in `[0, 360)`).
    ///
    ///     Healpix.center(order: 0, index: 4) // (0.0, 0.0)
    @inlinable
    public static func center(order: Int, index: UInt64) -> LonLat {
        toDegrees(centerRadians(order: order, index: index))
    }

    /// The point at offsets `(dx, dy) ∈ [0, 1]²` inside a cell, in radians:
    /// `dx` runs along the S→E edge and `dy` along the S→W edge (`(0.5, 0.5)`
    /// is the centre, `(0, 0)` the south vertex). cdshealpix `sph_coo`.
    public static func positionRadians(order: Int, index: UInt64, dx: Double, dy: Double) -> LonLat {
        checkCell(order: order, index: index)
        var c = projectedCenter(order: order, index: index)
        let t = oneOverNside(order: order)
        c.x += (dx - dy) * t
        c.y += (dx + dy - 1) * t
        return wrapRadians(unproject(x: c.x < 0 ? c.x + 8 : c.x, y: c.y))
    }

    /// ``positionRadians(order:index:dx:dy:)`` in degrees.
    public static func position(order: Int, index: UInt64, dx: Double, dy: Double) -> LonLat {
        toDegrees(positionRadians(order: order, index: index, dx: dx, dy: dy))
    }

    /// The vertices of a cell in radians (S, E, N, W; lon in `[0, 2π)`).
    public static func verticesRadians(order: Int, index: UInt64) -> Vertices {
        checkCell(order: order, index: index)
        let c = projectedCenter(order: order, index: index)
        let t = oneOverNside(order: order)
        let west = c.x - t
        return Vertices(
            south: wrapRadians(unproject(x: c.x, y: c.y - t)),
            east: wrapRadians(unproject(x: c.x + t, y: c.y)),
            north: wrapRadians(unproject(x: c.x, y: c.y + t)),
            west: wrapRadians(unproject(x: west < 0 ? west + 8 : west, y: c.y)))
    }

    /// The vertices of a cell in degrees (S, E, N, W; lon in `[0, 360)`).
    public static func vertices(order: Int, index: UInt64) -> Vertices {
        let v = verticesRadians(order: order, index: index)
        return Vertices(
            south: toDegrees(v.south), east: toDegrees(v.east),
            north: toDegrees(v.north), west: toDegrees(v.west))
    }

    /// `4·step` points along a cell's boundary, in degrees, counter-clockwise
    /// from the south vertex (S → E → N → W), `step` per side, as cdshealpix
    /// `vertices(ipix, depth, step)`. The sides are straight in the
    /// projection plane, not great circles; `step = 1` gives the vertices.
    public static func boundary(order: Int, index: UInt64, step: Int) -> [LonLat] {
        boundaryRadians(order: order, index: index, step: step).map(toDegrees)
    }

    /// ``boundary(order:index:step:)`` in radians (lon in `[0, 2π)`),
    /// bit-identical to cdshealpix.
    public static func boundaryRadians(order: Int, index: UInt64, step: Int) -> [LonLat] {
        checkCell(order: order, index: index)
        precondition(step >= 1, "step must be at least 1")
        let c = projectedCenter(order: order, index: index)
        let t = oneOverNside(order: order)
        // Vertex offsets from the centre, S, E, N, W; each point is
        // centre + from + m·(to − from)/step, as cdshealpix builds the path.
        let offsets = [(0.0, -t), (t, 0.0), (0.0, t), (-t, 0.0)]
        var out: [LonLat] = []
        out.reserveCapacity(4 * step)
        for side in 0..<4 {
            let (fromX, fromY) = offsets[side]
            let (toX, toY) = offsets[(side + 1) & 3]
            let stepX = (toX - fromX) / Double(step), stepY = (toY - fromY) / Double(step)
            for m in 0..<step {
                let x = c.x + fromX + Double(m) * stepX
                let y = c.y + fromY + Double(m) * stepY
                out.append(wrapRadians(unproject(x: x < 0 ? x + 8 : x, y: y)))
            }
        }
        return out
    }
}
