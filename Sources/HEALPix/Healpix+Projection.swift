import Foundation

/// The HEALPix projection plane used by cdshealpix, and its inverse.
///
/// The plane is scaled so that `x = lon·4/π ∈ [0, 8]` and `y ∈ [-2, 2]`; face
/// centres sit at integer points (odd x and y = ±1 for the caps, even x and
/// y = 0 for the equatorial faces) and each face is the diamond
/// `|x - xc| + |y - yc| ≤ 1`.
extension Healpix {
    /// A position on the sphere. The unit (degrees or radians) is the one
    /// the producing function names.
    public struct LonLat: Hashable, Sendable, CustomStringConvertible {
        /// Longitude.
        public var lon: Double
        /// Latitude.
        public var lat: Double

        /// Creates a position.
        @inlinable
        public init(lon: Double, lat: Double) {
            self.lon = lon
            self.lat = lat
        }

        /// `(lon, lat)`.
        public var description: String { "(\(lon), \(lat))" }
    }

    /// `1/nside = 2^-order`, exact.
    @inlinable @inline(__always)
    static func oneOverNside(order: Int) -> Double {
        Double(sign: .plus, exponent: -order, significand: 1)
    }

    /// The centre of a cell in the projection plane (cdshealpix
    /// `center_of_projected_cell`): `x ∈ [0, 8)`, `y ∈ (-2, 2)`.
    @inlinable
    static func projectedCenter(order: Int, index: UInt64) -> (x: Double, y: Double) {
        let (face, i, j) = decode(order: order, index: index)
        let nsideMinus1 = Int64(1 << order) - 1
        let t = oneOverNside(order: order)
        var x = Double(Int64(i) - Int64(j)) * t
        var y = Double(Int64(i + j) - nsideMinus1) * t
        let offsetY = 1 - Int64(face >> 2)
        let offsetX = Int64(face & 3) << 1 | (offsetY & 1)
        x += Double(offsetX)
        y += Double(offsetY)
        if x.sign == .minus { x += 8 }
        return (x, y)
    }

    /// The position (radians, lon in `[0, 2π]`) of a projection-plane point
    /// `x ∈ [-8, 8]`, `y ∈ [-2, 2]` (cdshealpix `unproj`).
    @inlinable
    static func unproject(x: Double, y: Double) -> (lon: Double, lat: Double) {
        let signMask: UInt64 = 0x8000_0000_0000_0000
        let xBits = x.bitPattern, yBits = y.bitPattern
        let a = Double(bitPattern: xBits & ~signMask)
        let b = Double(bitPattern: yBits & ~signMask)
        let odd = (a < 255 ? UInt64(Int64(a)) : 255) | 1
        var lon = a - Double(odd)
        var lat: Double
        if b <= 1 {
            lat = asin(b * transitionZ)
        } else {
            lat = 2 - b
            if lat > epsPole {
                lon = min(max(lon / lat, -1), 1)
            }
            lat = 2 * acos(lat * oneOverSqrt6) - piOverTwo
        }
        lon += Double(odd & 7)
        lon = Double(bitPattern: lon.bitPattern | (xBits & signMask))
        lat = Double(bitPattern: lat.bitPattern | (yBits & signMask))
        return (lon * piOverFour, lat)
    }

    /// The position (radians) of a projection-plane point: `lon ∈ [-π, 2π]`
    /// is accepted (negative x are shifted by 8), `y ∈ [-2, 2]`.
    ///
    /// Returns longitudes in `[0, 2π)` (2π is folded to 0).
    public static func unprojectRadians(x: Double, y: Double) -> LonLat {
        let r = unproject(x: x < 0 ? x + 8 : x, y: y)
        return LonLat(lon: r.lon >= 2 * Double.pi ? r.lon - 2 * Double.pi : r.lon, lat: r.lat)
    }

    /// The projection-plane coordinates `(x ∈ [0, 8), y ∈ [-2, 2])` of a
    /// valid position in radians.
    public static func projectRadians(lon: Double, lat: Double) -> (x: Double, y: Double) {
        let p = projectInBaseCell(lon: lon, lat: lat)
        let offsetY = 1 - Double(p.face >> 2)
        let offsetX = Double(Int64(p.face & 3) << 1 | (Int64(1 - Int64(p.face >> 2)) & 1))
        var x = offsetX + p.x
        if x < 0 { x += 8 }
        if x >= 8 { x -= 8 }
        return (x, offsetY + p.y - 1)
    }
}
