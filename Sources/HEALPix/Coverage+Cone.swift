import Foundation

extension MOC {
    /// The cells of a cone, exactly as mocpy's `MOC.from_cone(lon, lat, radius, max_depth,
    /// delta_depth=2)` and hats' `cone_to_moc` compute them.
    ///
    /// This reproduces cdshealpix's approximate cone coverage
    /// (`cone_coverage_approx_custom`): the descent runs at order
    /// `maxOrder + min(deltaOrder, 29 − maxOrder)` with conservative centre-to-vertex
    /// bounds, then every touched cell is widened to `maxOrder`. The result is a
    /// superset of the cells that truly overlap the cone (a few cells near the edge
    /// may not), and the same set lsdb prunes partitions with.
    ///
    /// - Parameters:
    ///   - lon: longitude of the centre, degrees; wrapped into `[0, 360)` as astropy's
    ///     `Longitude` does.
    ///   - lat: latitude of the centre, degrees, in `[-90, 90]`.
    ///   - radiusDegrees: the radius, degrees, in `[0, 180]`; `180` covers the sky.
    ///   - maxOrder: the order of the resulting MOC, in `0...29`.
    ///   - deltaOrder: how many orders deeper the descent runs (mocpy's `delta_depth`).
    /// - Precondition: the arguments are in the ranges above.
    public static func cone(
        lon: Double, lat: Double, radiusDegrees: Double, maxOrder: Int, deltaOrder: Int = 2
    ) -> MOC {
        precondition(Healpix.isValidOrder(maxOrder), "HEALPix order \(maxOrder) is outside 0...29")
        precondition(deltaOrder >= 0, "deltaOrder must not be negative")
        precondition(lat >= -90 && lat <= 90, "latitude \(lat) is outside [-90, 90]")
        precondition(lon.isFinite, "longitude \(lon) is not finite")
        let lonRadians = Healpix.wrapLongitude(lon) * Healpix.degToRad
        let latRadians = lat * Healpix.degToRad
        let radius = radiusDegrees * Healpix.degToRad
        precondition(radius >= 0 && radius <= Double.pi, "cone radius must be in [0°, 180°]")
        let depth = maxOrder + min(deltaOrder, Healpix.maxOrder - maxOrder)
        var cover = ConeCoverage(
            lon: lonRadians, lat: latRadians, radius: radius, depth: depth, mocOrder: maxOrder)
        cover.run()
        return MOC(ranges: cover.ranges, maxOrder: maxOrder)
    }

    /// ``cone(lon:lat:radiusDegrees:maxOrder:deltaOrder:)`` with the radius in arcseconds,
    /// converted to degrees as astropy does it (`r · (1/3600)`, which differs from `r / 3600`
    /// in the last bit for about 0.5 % of values), so that hats' `cone_to_moc(ra, dec,
    /// radius_arcsec, order)` is reproduced exactly.
    public static func cone(
        lon: Double, lat: Double, radiusArcsec: Double, maxOrder: Int, deltaOrder: Int = 2
    ) -> MOC {
        cone(lon: lon, lat: lat, radiusDegrees: radiusArcsec * arcsecToDegrees,
             maxOrder: maxOrder, deltaOrder: deltaOrder)
    }

    /// astropy's `arcsec → deg` scale.
    static let arcsecToDegrees: Double = 0.0002777777777777778
}

/// One run of cdshealpix's approximate cone coverage at `depth`, collecting every
/// pushed cell (full or partial) widened to `mocOrder` as order-29 ranges.
struct ConeCoverage {
    let lon: Double
    let lat: Double
    let radius: Double
    let cosLat: Double
    /// The order the descent runs at (MOC order + delta).
    let depth: Int
    /// The order of the resulting MOC.
    let mocOrder: Int
    /// `(min, max)` squared-half-segment thresholds per level below the start order.
    var thresholds: [(min: Double, max: Double)] = []
    /// Collected order-29 ranges, mostly sorted, adjacent ones merged on the fly.
    var ranges: [Range<UInt64>] = []

    init(lon: Double, lat: Double, radius: Double, depth: Int, mocOrder: Int) {
        self.lon = lon
        self.lat = lat
        self.radius = radius
        self.cosLat = cos(lat)
        self.depth = depth
        self.mocOrder = mocOrder
    }

    /// Runs the whole coverage: all-sky, 12 base cells for radii of 48.19° or more,
    /// the close neighbourhood for cones smaller than a `depth` cell, or a descent
    /// from the 9 cells around the centre at the starting order.
    mutating func run() {
        if radius >= Double.pi {
            ranges = [0..<MOC.order29IndexCount]
            return
        }
        guard let start = ConeBounds.startingOrder(radius: radius) else {
            setThresholds(from: 0)
            for h in UInt64(0)..<12 { descend(order: 0, index: h, level: 0) }
            return
        }
        if start >= depth {
            pushNeighbourhood(start: start)
            return
        }
        setThresholds(from: start)
        let centre = Healpix.hashUnchecked(order: start, lonRadians: lon, latRadians: lat)
        var roots = Array(Healpix.neighbours(order: start, index: centre))
        roots.append(centre)
        roots.sort()
        for h in roots { descend(order: start, index: h, level: 0) }
    }

    /// Tiny cones: the cell holding the centre and its neighbours at `start`, kept when
    /// their centre is close enough, and widened to `depth`.
    mutating func pushNeighbourhood(start: Int) {
        let bound = ConeBounds.centreToVertexBound(order: start, lon: lon, lat: lat, radius: radius)
        let maxSHS = ConeBounds.squaredHalfSegment(distance: radius + bound)
        let centre = Healpix.hashUnchecked(order: start, lonRadians: lon, latRadians: lat)
        var cells = Array(Healpix.neighbours(order: start, index: centre))
        cells.append(centre)
        var kept: [UInt64] = []
        let shift = UInt64(2 * (start - depth))
        for h in cells where squaredHalfSegment(toCentreOf: h, order: start) <= maxSHS {
            kept.append(h >> shift)
        }
        kept.sort()
        for h in kept { push(order: depth, index: h) }
    }

    /// Fills ``thresholds`` from the centre-to-vertex bounds of orders `start...depth`.
    mutating func setThresholds(from start: Int) {
        let bounds = ConeBounds.centreToVertexBounds(from: start, to: depth + 1, lon: lon, lat: lat, radius: radius)
        thresholds = bounds.map { d in
            (min: radius < d ? 0.0 : ConeBounds.squaredHalfSegment(distance: radius - d),
             max: ConeBounds.squaredHalfSegment(distance: radius + d))
        }
    }

    /// The squared half chord between the cone centre and a cell centre, with the
    /// cell centre exactly as cdshealpix computes it (longitude not folded).
    @inline(__always)
    func squaredHalfSegment(toCentreOf index: UInt64, order: Int) -> Double {
        let p = Healpix.projectedCenter(order: order, index: index)
        let c = Healpix.unproject(x: p.x, y: p.y)
        return ConeBounds.squaredHalfSegment(dlon: c.lon - lon, dlat: c.lat - lat, cosLat1: cos(c.lat), cosLat2: cosLat)
    }

    /// Keeps a cell whose centre is surely inside (full), drops one surely outside, and
    /// splits the others until `depth`, where they are kept (partial).
    mutating func descend(order: Int, index: UInt64, level: Int) {
        let shs = squaredHalfSegment(toCentreOf: index, order: order)
        let t = thresholds[level]
        if shs <= t.min {
            push(order: order, index: index)
        } else if shs <= t.max {
            if order == depth {
                push(order: order, index: index)
            } else {
                let first = index << 2
                for child in first...(first | 3) { descend(order: order + 1, index: child, level: level + 1) }
            }
        }
    }

    /// Records a cell, widened to `mocOrder` when it is deeper.
    @inline(__always)
    mutating func push(order: Int, index: UInt64) {
        let cellOrder = min(order, mocOrder)
        let range = MOC.order29Range(order: cellOrder, index: index >> UInt64(2 * (order - cellOrder)))
        if let last = ranges.last, last.upperBound >= range.lowerBound, last.lowerBound <= range.lowerBound {
            if range.upperBound > last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
            }
        } else {
            ranges.append(range)
        }
    }
}
