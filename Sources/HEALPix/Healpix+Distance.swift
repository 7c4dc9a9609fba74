import Foundation

/// Unit vectors and great-circle distances.
extension Healpix {
    /// The unit vector `(cos δ cos α, cos δ sin α, sin δ)` of a position given
    /// in degrees.
    @inlinable
    public static func unitVector(lon: Double, lat: Double) -> SIMD3<Double> {
        unitVector(lonRadians: lon * degToRad, latRadians: lat * degToRad)
    }

    /// The unit vector of a position given in radians.
    @inlinable
    public static func unitVector(lonRadians lon: Double, latRadians lat: Double) -> SIMD3<Double> {
        let cosLat = cos(lat)
        return SIMD3(cosLat * cos(lon), cosLat * sin(lon), sin(lat))
    }

    /// The unit vector at longitude `lon` (radians) and `z = sin(lat)`.
    @usableFromInline
    static func unitVector(lonRadians lon: Double, z: Double) -> SIMD3<Double> {
        let r = ((1 - z) * (1 + z)).squareRoot()
        return SIMD3(r * cos(lon), r * sin(lon), z)
    }

    /// The longitude in `[0, 360)` and latitude in `[-90, 90]`, in degrees, of
    /// a (not necessarily normalised, non-zero) vector.
    @inlinable
    public static func lonLat(of v: SIMD3<Double>) -> (lon: Double, lat: Double) {
        let r = lonLatRadians(of: v)
        return (r.lon * radToDeg, r.lat * radToDeg)
    }

    /// The longitude in `[0, 2π)` and latitude in `[-π/2, π/2]`, in radians,
    /// of a (not necessarily normalised, non-zero) vector.
    @inlinable
    public static func lonLatRadians(of v: SIMD3<Double>) -> (lon: Double, lat: Double) {
        var lon = atan2(v.y, v.x)
        if lon < 0 { lon += 2 * Double.pi }
        if lon >= 2 * Double.pi { lon = 0 }
        let lat = atan2(v.z, (v.x * v.x + v.y * v.y).squareRoot())
        return (lon, lat)
    }

    /// The angle in radians between two vectors, `atan2(|a × b|, a · b)`:
    /// accurate at every separation, from sub-milliarcsecond to antipodal.
    @inlinable
    public static func angle(between a: SIMD3<Double>, and b: SIMD3<Double>) -> Double {
        let cross = SIMD3(
            a.y * b.z - a.z * b.y,
            a.z * b.x - a.x * b.z,
            a.x * b.y - a.y * b.x)
        let sinPart = (cross * cross).sum().squareRoot()
        let cosPart = (a * b).sum()
        return atan2(sinPart, cosPart)
    }

    /// The great-circle distance in radians between two positions given in
    /// radians, in the Vincenty form astropy's `angular_separation` uses
    /// (stable at all separations, error ≲ 1e-10″).
    @inlinable
    public static func angularSeparationRadians(
        lon1: Double, lat1: Double, lon2: Double, lat2: Double
    ) -> Double {
        let dLon = lon2 - lon1
        let sinDLon = sin(dLon), cosDLon = cos(dLon)
        let sin1 = sin(lat1), cos1 = cos(lat1)
        let sin2 = sin(lat2), cos2 = cos(lat2)
        let num1 = cos2 * sinDLon
        let num2 = cos1 * sin2 - sin1 * cos2 * cosDLon
        let denominator = sin1 * sin2 + cos1 * cos2 * cosDLon
        return atan2((num1 * num1 + num2 * num2).squareRoot(), denominator)
    }

    /// The great-circle distance in degrees between two positions given in
    /// degrees (see ``angularSeparationRadians(lon1:lat1:lon2:lat2:)``).
    ///
    ///     Healpix.angularSeparation(lon1: 10, lat1: 0, lon2: 10, lat2: 1e-7) // 1e-7
    @inlinable
    public static func angularSeparation(
        lon1: Double, lat1: Double, lon2: Double, lat2: Double
    ) -> Double {
        angularSeparationRadians(
            lon1: lon1 * degToRad, lat1: lat1 * degToRad,
            lon2: lon2 * degToRad, lat2: lat2 * degToRad) * radToDeg
    }

    /// The distances in degrees from one position to many, written into `out`.
    ///
    /// - Parameters:
    ///   - lon: longitudes in degrees.
    ///   - lat: latitudes in degrees, as many as `lon`.
    ///   - fromLon: the reference longitude in degrees.
    ///   - fromLat: the reference latitude in degrees.
    ///   - out: receives `lon.count` separations in degrees.
    public static func angularSeparation(
        lon: UnsafeBufferPointer<Double>, lat: UnsafeBufferPointer<Double>,
        fromLon: Double, fromLat: Double, into out: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(lon.count == lat.count && out.count >= lon.count, "buffer sizes differ")
        let lon0 = fromLon * degToRad
        let sin0 = sin(fromLat * degToRad), cos0 = cos(fromLat * degToRad)
        for k in 0..<lon.count {
            let dLon = lon[k] * degToRad - lon0
            let latR = lat[k] * degToRad
            let sinD = sin(dLon), cosD = cos(dLon)
            let sin2 = sin(latR), cos2 = cos(latR)
            let num1 = cos2 * sinD
            let num2 = cos0 * sin2 - sin0 * cos2 * cosD
            let den = sin0 * sin2 + cos0 * cos2 * cosD
            out[k] = atan2((num1 * num1 + num2 * num2).squareRoot(), den) * radToDeg
        }
    }
}
