import Foundation

extension MOC {
    /// The cells overlapping a longitude × latitude zone, the region of lsdb's
    /// `BoxSearch` and mocpy's `MOC.from_zone`: its longitude edges are meridians and
    /// its latitude edges are parallels.
    ///
    /// The coverage is a superset of mocpy's: every cell whose longitude/latitude
    /// bounding box meets the closed zone is kept. Cell extents are exact (the extremes
    /// of a cell's longitude and latitude lie at its vertices), so the only extra cells
    /// are those next to the zone's corners, or touching its edges where mocpy's
    /// half-open convention drops them; the tests check that the result lies within
    /// the one-cell dilation of mocpy's.
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
        var east = eastDegrees * Healpix.degToRad
        if west > east { east += 2 * Double.pi }
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

/// Longitude and latitude extents of a cell, in radians. The longitude interval is
/// continuous (it may start below 0 or end above 2π) and spans at most 90°.
struct CellExtent {
    var west: Double
    var east: Double
    var south: Double
    var north: Double

    /// Rounding slack added around every cell so that cells touching a region's edge
    /// are never lost to floating-point noise.
    static let slack = 1e-12

    init(order: Int, index: UInt64) {
        let centre = Healpix.centerRadians(order: order, index: index)
        let v = Healpix.verticesRadians(order: order, index: index)
        var low = 0.0, high = 0.0
        // A vertex at a pole has no meaningful longitude; the other three bound the cell.
        for p in [v.south, v.east, v.north, v.west] where abs(p.lat) < Healpix.piOverTwo {
            var d = p.lon - centre.lon
            if d > Double.pi { d -= 2 * Double.pi } else if d < -Double.pi { d += 2 * Double.pi }
            low = min(low, d)
            high = max(high, d)
        }
        west = centre.lon + low - CellExtent.slack
        east = centre.lon + high + CellExtent.slack
        south = v.south.lat - CellExtent.slack
        north = v.north.lat + CellExtent.slack
    }
}

/// Descends the HEALPix tree, keeping the cells whose extent meets a zone.
struct ZoneCoverage {
    /// Western edge, radians in `[0, 2π)`.
    let west: Double
    /// Eastern edge, radians, `>= west` (above 2π when the zone crosses 0).
    let east: Double
    let south: Double
    let north: Double
    let depth: Int
    var ranges: [Range<UInt64>] = []

    init(west: Double, east: Double, south: Double, north: Double, depth: Int) {
        self.west = west
        self.east = east
        self.south = south
        self.north = north
        self.depth = depth
    }

    /// Whether the zone's longitude interval, shifted by a turn, meets or holds the cell's.
    func longitudes(of cell: CellExtent) -> (meets: Bool, holds: Bool) {
        if east - west >= 2 * Double.pi { return (true, true) }
        var meets = false
        for turn in [-2.0, 0.0, 2.0] {
            let w = west + turn * Double.pi, e = east + turn * Double.pi
            if cell.west <= e && w <= cell.east {
                meets = true
                if w <= cell.west && cell.east <= e { return (true, true) }
            }
        }
        return (meets, false)
    }

    mutating func descend(order: Int, index: UInt64) {
        let cell = CellExtent(order: order, index: index)
        guard cell.south <= north && south <= cell.north else { return }
        let lon = longitudes(of: cell)
        guard lon.meets else { return }
        let inside = lon.holds && south <= cell.south && cell.north <= north
        if inside || order == depth {
            ranges.append(MOC.order29Range(order: order, index: index))
        } else {
            for child in (index << 2)...((index << 2) | 3) { descend(order: order + 1, index: child) }
        }
    }
}
