import Foundation

extension MOC {
    /// The cells overlapping a longitude × latitude zone, the region of lsdb's
    /// `BoxSearch` and mocpy's `MOC.from_zone`: its longitude edges are meridians and
    /// its latitude edges are parallels.
    ///
    /// The coverage is a superset of mocpy's: every cell whose longitude/latitude
    /// extent overlaps the zone's is kept. Cell extents are exact (the extremes of a
    /// cell's longitude and latitude lie at its vertices), so the only extra cells are
    /// near the zone's corners, plus cells that hold points of the zone but that mocpy
    /// drops (seen next to the poles, and when a longitude edge falls on a multiple of
    /// 45°: there lsdb misses partitions, and rows, that this coverage keeps). Cells
    /// touching the zone only at one vertex are left out, as mocpy does; no point of
    /// the zone hashes into them. The tests check that the result contains mocpy's,
    /// and that each extra cell lies in the one-cell dilation of mocpy's set or touches
    /// the zone.
    ///
    /// - Parameters:
    ///   - lonMin: the western edge, degrees (wrapped into `[0, 360)`).
    ///   - latMin: the southern edge, degrees.
    ///   - lonMax: the eastern edge, degrees (wrapped; `0` means `360`, as in mocpy).
    ///     When `lonMin > lonMax` the zone crosses longitude 0. When they are equal the
    ///     zone degenerates to a meridian segment.
    ///   - latMax: the northern edge, degrees; `latMin < latMax`, both in `[-90, 90]`.
    ///   - maxOrder: the order of the resulting MOC.
    public static func zone(
        lonMin: Double, latMin: Double, lonMax: Double, latMax: Double, maxOrder: Int
    ) -> MOC {
        precondition(Healpix.isValidOrder(maxOrder), "HEALPix order \(maxOrder) is outside 0...29")
        precondition(latMin >= -90 && latMax <= 90 && latMin <= latMax, "invalid latitude range")
        precondition(lonMin.isFinite && lonMax.isFinite, "longitudes must be finite")
        let west = Healpix.wrapLongitude(lonMin) * Healpix.degToRad
        var eastDegrees = Healpix.wrapLongitude(lonMax)
        if eastDegrees == 0 { eastDegrees = 360 }
        let east = eastDegrees * Healpix.degToRad
        var cover = ZoneCoverage(
            west: west, east: east, south: latMin * Healpix.degToRad, north: latMax * Healpix.degToRad,
            depth: maxOrder)
        for h in UInt64(0)..<12 { cover.descend(order: 0, index: h) }
        return MOC(ranges: cover.ranges, maxOrder: maxOrder)
    }

    /// The coverage of lsdb's `BoxSearch(ra=(ra0, ra1), dec=(dec0, dec1))` (hats
    /// `box_to_moc`): RA values are reduced with Python's `% 360`, the zone goes
    /// from `ra0` eastwards to `ra1` (crossing 0 when `ra0 > ra1`), between the
    /// smaller and the larger declination. A superset of lsdb's MOC; see
    /// ``zone(lonMin:latMin:lonMax:latMax:maxOrder:)``.
    public static func box(ra: (Double, Double), dec: (Double, Double), maxOrder: Int) -> MOC {
        zone(lonMin: pythonModulo360(ra.0), latMin: min(dec.0, dec.1),
             lonMax: pythonModulo360(ra.1), latMax: max(dec.0, dec.1), maxOrder: maxOrder)
    }

    /// Python's float `x % 360`: the result takes the sign of 360.
    static func pythonModulo360(_ x: Double) -> Double {
        var r = fmod(x, 360)
        if r != 0 {
            if r < 0 { r += 360 }
        } else {
            r = 0
        }
        return r
    }
}

/// One closed longitude interval in radians, or two when the range crosses
/// longitude 0 (`[west, 2π]` and `[0, east]`).
struct LongitudeRange {
    var count: Int
    var intervals: (first: (west: Double, east: Double), second: (west: Double, east: Double))

    /// The range from `west` eastwards to `east`, both in `[0, 2π]`; it crosses
    /// longitude 0 when `west > east`.
    init(west: Double, east: Double) {
        if west <= east {
            count = 1
            intervals = ((west, east), (west, east))
        } else {
            count = 2
            intervals = ((west, 2 * Double.pi), (0, east))
        }
    }

    @inline(__always)
    subscript(_ i: Int) -> (west: Double, east: Double) { i == 0 ? intervals.first : intervals.second }
}

/// Longitude and latitude extents of a cell, in radians, made of the exact vertex
/// coordinates (the extremes of a cell's longitude and latitude lie at its vertices).
struct CellExtent {
    var longitudes: LongitudeRange
    var south: Double
    var north: Double
    /// The longitudes of the vertices S, E, N, W; NaN for a vertex at a pole.
    var vertexLongitudes: SIMD4<Double>
    /// How many vertices sit at a pole (they lie on every meridian).
    var polarVertices = 0

    init(order: Int, index: UInt64) {
        let v = Healpix.verticesRadians(order: order, index: index)
        south = v.south.lat
        north = v.north.lat
        // A vertex at a pole has no meaningful longitude; the other three bound the cell.
        vertexLongitudes = SIMD4(v.south.lon, v.east.lon, v.north.lon, v.west.lon)
        let lats = SIMD4(v.south.lat, v.east.lat, v.north.lat, v.west.lat)
        var low = Double.infinity, high = -Double.infinity
        for k in 0..<4 {
            if abs(lats[k]) < Healpix.piOverTwo {
                low = min(low, vertexLongitudes[k])
                high = max(high, vertexLongitudes[k])
            } else {
                vertexLongitudes[k] = .nan
                polarVertices += 1
            }
        }
        if high - low <= Double.pi {
            longitudes = LongitudeRange(west: low, east: high)
        } else {
            // Cells span at most 90°, so a wider spread means the cell straddles 0.
            var east = 0.0, west = 2 * Double.pi
            for k in 0..<4 where !vertexLongitudes[k].isNaN {
                let lon = vertexLongitudes[k]
                if lon <= Double.pi { east = max(east, lon) } else { west = min(west, lon) }
            }
            longitudes = LongitudeRange(west: west, east: east)
        }
    }

    /// Whether a whole edge of the cell lies on the meridian `lon`: two of its
    /// vertices do (a pole counts as on every meridian). Such edges exist along the
    /// base-cell boundaries of the polar caps; elsewhere a meridian only touches a cell
    /// at one vertex.
    func hasEdge(onMeridian lon: Double) -> Bool {
        let l = lon == 2 * Double.pi ? 0 : lon
        var count = polarVertices
        for k in 0..<4 where vertexLongitudes[k] == l { count += 1 }
        return count >= 2
    }
}

/// Descends the HEALPix tree, keeping the cells whose extent overlaps a zone.
///
/// Overlaps are strict: a cell that touches the zone only at one vertex is left out,
/// as no point of the zone hashes into it, and as mocpy does. A cell with a whole edge
/// on one of the zone's meridians is kept (mocpy keeps those in the polar caps).
/// Along a dimension where the zone has no width, touching is enough.
struct ZoneCoverage {
    let longitudes: LongitudeRange
    let south: Double
    let north: Double
    let depth: Int
    var ranges: [Range<UInt64>] = []

    init(west: Double, east: Double, south: Double, north: Double, depth: Int) {
        self.longitudes = LongitudeRange(west: west, east: east)
        self.south = south
        self.north = north
        self.depth = depth
    }

    /// Whether `[a, b]` and `[c, d]` share an interior point, or a point at all when
    /// the zone's interval `[c, d]` is degenerate.
    @inline(__always)
    static func overlap(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Bool {
        c < d ? Swift.max(a, c) < Swift.min(b, d) : Swift.max(a, c) <= Swift.min(b, d)
    }

    /// Whether the cell's longitudes overlap the zone's, or touch them along an edge.
    func meetsLongitudes(of cell: CellExtent) -> Bool {
        for i in 0..<cell.longitudes.count {
            let c = cell.longitudes[i]
            for j in 0..<longitudes.count {
                let z = longitudes[j]
                if ZoneCoverage.overlap(c.west, c.east, z.west, z.east) { return true }
                if c.east == z.west && cell.hasEdge(onMeridian: c.east) { return true }
                if c.west == z.east && cell.hasEdge(onMeridian: c.west) { return true }
            }
        }
        return false
    }

    /// Whether every longitude of the cell lies in the zone's range.
    func holdsLongitudes(of cell: CellExtent) -> Bool {
        for i in 0..<cell.longitudes.count {
            let c = cell.longitudes[i]
            var held = false
            for j in 0..<longitudes.count where longitudes[j].west <= c.west && c.east <= longitudes[j].east {
                held = true
            }
            if !held { return false }
        }
        return true
    }

    mutating func descend(order: Int, index: UInt64) {
        let cell = CellExtent(order: order, index: index)
        guard ZoneCoverage.overlap(cell.south, cell.north, south, north), meetsLongitudes(of: cell) else { return }
        if (holdsLongitudes(of: cell) && south <= cell.south && cell.north <= north) || order == depth {
            ranges.append(MOC.order29Range(order: order, index: index))
        } else {
            for child in (index << 2)...((index << 2) | 3) { descend(order: order + 1, index: child) }
        }
    }
}
