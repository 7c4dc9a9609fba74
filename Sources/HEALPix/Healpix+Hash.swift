import Foundation

/// Position → nested index, bit-identical to cdshealpix `lonlat_to_healpix`
/// (and therefore to hats' `_healpix_29`).
extension Healpix {
    /// The value written for a position that cannot be hashed (NaN or
    /// infinite longitude, NaN latitude, |latitude| > 90°). As `Int64` it
    /// reads `-1`, cdshealpix's "no cell" marker.
    public static let invalidIndex: UInt64 = .max

    /// The nested index at `order` of the position (`lon`, `lat`) in degrees.
    ///
    /// Longitudes outside `[0, 360)` are wrapped as astropy's `Longitude`
    /// does for a one-element array, then converted to radians by the same
    /// multiplication astropy applies, so the result equals
    /// `cdshealpix.lonlat_to_healpix(Longitude([lon], "deg"), Latitude([lat], "deg"), order)`
    /// bit for bit (glibc libm). A longitude of `-0.0` is kept and hashes
    /// like cdshealpix does (east edge of faces 3/11 in the caps).
    ///
    /// - Returns: the index, or ``invalidIndex`` when `lat` is NaN or outside
    ///   `[-90, 90]`, or `lon` is not finite. Use
    ///   ``checkedHash(order:lon:lat:)`` to get an error instead.
    /// - Precondition: `order` is in `0...29`.
    @inlinable
    public static func hash(order: Int, lon: Double, lat: Double) -> UInt64 {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        guard let r = hashableRadians(lon: lon, lat: lat) else { return invalidIndex }
        return hashUnchecked(order: order, lonRadians: r.lon, latRadians: r.lat)
    }

    /// Like ``hash(order:lon:lat:)`` but throws ``HealpixError`` for an
    /// invalid order, latitude or longitude.
    public static func checkedHash(order: Int, lon: Double, lat: Double) throws(HealpixError) -> UInt64 {
        guard isValidOrder(order) else { throw .invalidOrder(order) }
        guard lat >= -90 && lat <= 90 else { throw .invalidLatitude(lat) }
        guard lon.isFinite else { throw .invalidLongitude(lon) }
        return hash(order: order, lon: lon, lat: lat)
    }

    /// The nested index at `order` of a position given in radians, exactly
    /// as cdshealpix's Rust `nested::hash(depth, lon, lat)`.
    ///
    /// `lon` may be any finite value; no wrapping is applied below `8π`
    /// (cdshealpix handles negative and ≥ 2π longitudes itself). Larger
    /// magnitudes are first reduced with `fmod(lon, 2π)`.
    ///
    /// - Returns: the index, or ``invalidIndex`` when `lat` is NaN or outside
    ///   `[-π/2, π/2]`, or `lon` is not finite.
    @inlinable
    public static func hash(order: Int, lonRadians: Double, latRadians: Double) -> UInt64 {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        guard latRadians >= -piOverTwo && latRadians <= piOverTwo, lonRadians.isFinite else {
            return invalidIndex
        }
        let lon = abs(lonRadians) < 8 * Double.pi ? lonRadians : fmod(lonRadians, 2 * Double.pi)
        return hashUnchecked(order: order, lonRadians: lon, latRadians: latRadians)
    }

    /// The index together with the position inside the cell: `dx` along the
    /// S→E edge and `dy` along the S→W edge, both in `[0, 1)` (cdshealpix
    /// `hash_with_dxdy`). Input in degrees, handled as in
    /// ``hash(order:lon:lat:)``; an invalid position gives
    /// `(invalidIndex, .nan, .nan)`.
    public static func hashWithOffsets(
        order: Int, lon: Double, lat: Double
    ) -> (index: UInt64, dx: Double, dy: Double) {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        guard let r = hashableRadians(lon: lon, lat: lat) else { return (invalidIndex, .nan, .nan) }
        return hashWithOffsets(order: order, lonRadians: r.lon, latRadians: r.lat)
    }

    /// ``hashWithOffsets(order:lon:lat:)`` for a valid position in radians.
    public static func hashWithOffsets(
        order: Int, lonRadians: Double, latRadians: Double
    ) -> (index: UInt64, dx: Double, dy: Double) {
        let p = projectInBaseCell(lon: lonRadians, lat: latRadians)
        let scale = halfNside(order: order)
        let fi = (p.y + p.x) * scale
        let fj = (p.y - p.x) * scale
        let i = cellCoordinate(fi, order: order)
        let j = cellCoordinate(fj, order: order)
        return (encode(order: order, face: p.face, i: i, j: j), fi - Double(i), fj - Double(j))
    }

    /// astropy's `Longitude` wrapping into `[0, 360)` for one value.
    ///
    /// Values already in range (including `-0.0`) are returned unchanged;
    /// others go through numpy's floor division by 360 and the two rounding
    /// fix-ups of `Angle._wrap_at`. Non-finite input gives NaN.
    @inlinable
    public static func wrapLongitude(_ lon: Double) -> Double {
        if lon >= 0 && lon < 360 { return lon }
        var x = lon - numpyFloorDivide(lon, 360) * 360
        if x >= 360 { x -= 360 }
        if x < 0 { x += 360 }
        return x
    }

    /// numpy's `floor_divide` for doubles (`npy_divmod`): floor of `a / b`
    /// computed through `fmod`, exact where `floor(a / b)` is not.
    @inlinable
    static func numpyFloorDivide(_ a: Double, _ b: Double) -> Double {
        let mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
        guard div != 0 else { return Double(signOf: a / b, magnitudeOf: 0) }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }

    /// Validates and converts degrees to the radians cdshealpix receives.
    @inlinable @inline(__always)
    static func hashableRadians(lon: Double, lat: Double) -> (lon: Double, lat: Double)? {
        guard lat >= -90 && lat <= 90 else { return nil }
        if lon >= 0 && lon < 360 { return (lon * degToRad, lat * degToRad) }
        guard lon.isFinite else { return nil }
        return (wrapLongitude(lon) * degToRad, lat * degToRad)
    }

    /// `2^(order-1)`: scales the base-cell coordinates to cell units.
    @inlinable @inline(__always)
    static func halfNside(order: Int) -> Double {
        Double(sign: .plus, exponent: order - 1, significand: 1)
    }

    /// Truncates a scaled coordinate like Rust's saturating `as u32`, then
    /// clamps `nside` (reached only through rounding) to `nside - 1`.
    @inlinable @inline(__always)
    static func cellCoordinate(_ f: Double, order: Int) -> UInt64 {
        let nside = UInt64(1) << UInt64(order)
        let t: UInt64 = f > 0 ? UInt64(Int64(min(f, 4_294_967_295))) : 0
        return t == nside ? nside &- 1 : t
    }

    /// The hash of a valid position in radians (no checks).
    @inlinable @inline(__always)
    static func hashUnchecked(order: Int, lonRadians: Double, latRadians: Double) -> UInt64 {
        let p = projectInBaseCell(lon: lonRadians, lat: latRadians)
        let scale = halfNside(order: order)
        let i = cellCoordinate((p.y + p.x) * scale, order: order)
        let j = cellCoordinate((p.y - p.x) * scale, order: order)
        return encode(order: order, face: p.face, i: i, j: j)
    }

    /// Projects a position (radians) into its base cell: `face` in `0..<12`,
    /// `x ∈ [-1, 1]` west→east and `y ∈ [0, 2]` south→north, with the origin
    /// at the face's south vertex. Same arithmetic as cdshealpix
    /// `d0h_lh_in_d0c`.
    @inlinable @inline(__always)
    static func projectInBaseCell(lon: Double, lat: Double) -> (face: UInt64, x: Double, y: Double) {
        let bits = lon.bitPattern
        let absLon = Double(bitPattern: bits & 0x7FFF_FFFF_FFFF_FFFF)
        let xl = absLon * fourOverPi
        let q: UInt64 = (xl < 255 ? UInt64(Int64(xl)) : 255) | 1
        let xPm1: Double
        let quarter: UInt64
        if bits >> 63 == 0 {
            xPm1 = xl - Double(q)
            quarter = (q & 7) >> 1
        } else {
            xPm1 = Double(q) - xl
            quarter = 3 - ((q & 7) >> 1)
        }
        if lat > transitionLatitude {
            let s = sqrt6 * cos(0.5 * lat + piOverFour)
            return (quarter, xPm1 * s, 2 - s)
        } else if lat < -transitionLatitude {
            let s = sqrt6 * cos(0.5 * lat - piOverFour)
            return (quarter + 8, xPm1 * s, s)
        } else {
            // The column's two diagonals split it into the south face (bottom),
            // the north face (top) and two equatorial faces (left, right); the
            // strict/non-strict tests give the S→E and S→W edges to the cell.
            let yPm1 = sin(lat) * oneOverTransitionZ
            let aboveRising: UInt64 = xPm1 > yPm1 ? 1 : 0
            let rightOfFalling: UInt64 = xPm1 >= -yPm1 ? 1 : 0
            let east = aboveRising & rightOfFalling
            let row = aboveRising + (1 - rightOfFalling)
            let x = xPm1 - (Double(aboveRising + rightOfFalling) - 1)
            let y = yPm1 + Double(row)
            return ((row << 2) + ((quarter + east) & 3), x, y)
        }
    }
}
