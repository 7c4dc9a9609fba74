import Foundation
import HEALPix

/// The rows within a radius of a point (LSDB's `ConeSearch`).
///
/// Partitions are chosen with the cone coverage mocpy's `MOC.from_cone` gives
/// (depth delta 2), and rows with the haversine test, inclusive:
/// `sin²(Δδ/2) + cos δ₀ cos δ sin²(Δα/2) ≤ sin²(r/2)`.
///
///     let field = ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600)
public struct ConeSearch: Search, Hashable {
    /// The centre's right ascension, degrees.
    public var ra: Double
    /// The centre's declination, degrees.
    public var dec: Double
    /// The radius, arcseconds.
    public var radiusArcsec: Double
    /// Whether rows are filtered (LSDB's `fine`, default `true`).
    public var isFine: Bool

    /// Creates a cone search.
    public init(ra: Double, dec: Double, radiusArcsec: Double, fine: Bool = true) {
        self.ra = ra
        self.dec = dec
        self.radiusArcsec = radiusArcsec
        self.isFine = fine
    }

    /// `radius > 0`, a finite centre with `|dec| ≤ 90`.
    public func validate() throws(LSDBError) {
        guard radiusArcsec.isFinite, radiusArcsec > 0 else {
            throw .invalidArgument("cone radius must be positive, got \(radiusArcsec) arcsec")
        }
        guard radiusArcsec <= 180 * 3600 else {
            throw .invalidArgument("cone radius must be at most 180 degrees, got \(radiusArcsec) arcsec")
        }
        try SearchValidation.rightAscension(ra)
        try SearchValidation.declination(dec)
    }

    /// mocpy's cone coverage at `maxOrder`.
    public func coverage(maxOrder: Int) -> MOC? {
        MOC.cone(lon: ra, lat: dec, radiusArcsec: radiusArcsec, maxOrder: maxOrder)
    }

    /// Haversine test against the radius, inclusive.
    public func contains(ra raValues: UnsafeBufferPointer<Double>, dec decValues: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        let degrees = Double.pi / 180
        let ra0 = ra * degrees, dec0 = dec * degrees
        let cosDec0 = cos(dec0)
        let halfRadius = sin(radiusArcsec / 3600 * degrees / 2)
        let limit = halfRadius * halfRadius
        for i in 0..<raValues.count {
            let d = decValues[i] * degrees
            let sinDDec = sin((d - dec0) / 2)
            let sinDRa = sin((raValues[i] * degrees - ra0) / 2)
            let a = sinDDec * sinDDec + cosDec0 * cos(d) * sinDRa * sinDRa
            mask[i] = a <= limit
        }
    }

    /// `ConeSearch(ra: …, dec: …, radiusArcsec: …)`.
    public var description: String { "ConeSearch(ra: \(ra), dec: \(dec), radiusArcsec: \(radiusArcsec))" }
}
