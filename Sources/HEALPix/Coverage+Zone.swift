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

/// A closed longitude interval in radians, within `[0, 2π]`.
typealias LongitudeInterval = (west: Double, east: Double)

/// Longitude and latitude extents of a cell, in radians, made of the exact vertex
/// coordinates (the extremes of a cell's longitude and latitude lie at its vertices).
struct CellExtent {
    /// One interval, or two when the cell straddles longitude 0.
    var longitudes: [LongitudeInterval]
    var south: Double
    var north: Double
    /// The longitudes of the vertices that are not at a pole.
    var vertexLongitudes: [Double] = []
    /// How many vertices sit at a pole (they lie on every meridian).
    var polarVertices = 0

    init(order: Int, index: UInt64) {
        let v = Healpix.verticesRadians(order: order, index: index)
        south = v.south.lat
        north = v.north.lat
        // A vertex at a pole has no meaningful longitude; the other three bound the cell.
        var lons: [Double] = []
        for p in [v.south, v.east, v.north, v.west] {
            if abs(p.lat) < Healpix.piOverTwo { lons.append(p.lon) } else { polarVertices += 1 }
        }
        vertexLongitudes = lons
        let low = lons.min() ?? 0, high = lons.max() ?? 0
        if high - low <= Double.pi {
            longitudes = [(low, high)]
        } else {
            // Cells span at most 90°, so a wider spread means the cell straddles 0.
            let east = lons.filter { $0 <= Double.pi }.max() ?? 0
            let west = lons.filter { $0 > Double.pi }.min() ?? 2 * Double.pi
            longitudes = [(west, 2 * Double.pi), (0, east)]
        }
    }

    /// Whether a whole edge of the cell lies on the meridian `lon`: two of its
    /// vertices do (a pole counts as on every meridian). Such edges exist along the
    /// base-cell boundaries of the polar caps; elsewhere a meridian only touches a cell
    /// at one vertex.
    func hasEdge(onMeridian lon: Double) -> Bool {
        let l = lon == 2 * Double.pi ? 0 : lon
        var count = polarVertices
        for v in vertexLongitudes where v == l { count += 1 }
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
    /// The zone's longitudes: one interval, or two when it crosses longitude 0.
    let longitudes: [LongitudeInterval]
    let south: Double
    let north: Double
    let depth: Int
    var ranges: [Range<UInt64>] = []

    init(west: Double, east: Double, south: Double, north: Double, depth: Int) {
        if west <= east {
            longitudes = [(west, east)]
        } else {
            longitudes = [(west, 2 * Double.pi), (0, east)]
        }
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

    mutating func descend(order: Int, index: UInt64) {
        let cell = CellExtent(order: order, index: index)
        guard ZoneCoverage.overlap(cell.south, cell.north, south, north) else { return }
        var meets = false
        for c in cell.longitudes where !meets {
            for z in longitudes {
                if ZoneCoverage.overlap(c.west, c.east, z.west, z.east) {
                    meets = true
                } else if c.east == z.west || c.west == z.east {
                    meets = cell.hasEdge(onMeridian: c.east == z.west ? c.east : c.west)
                }
                if meets { break }
            }
        }
        guard meets else { return }
        let holdsLongitudes = cell.longitudes.allSatisfy { c in
            longitudes.contains { z in z.west <= c.west && c.east <= z.east }
        }
        if (holdsLongitudes && south <= cell.south && cell.north <= north) || order == depth {
            ranges.append(MOC.order29Range(order: order, index: index))
        } else {
            for child in (index << 2)...((index << 2) | 3) { descend(order: order + 1, index: child) }
        }
    }
}
