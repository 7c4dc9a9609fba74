import Foundation

/// A point in a projection plane or on a figure, in the plane's own units.
public struct PlanePoint: Hashable, Sendable {
    /// Horizontal coordinate (grows to the right).
    public var x: Double
    /// Vertical coordinate (grows upwards in the plane, downwards on a figure).
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// How the sky is mapped onto the figure. Right ascension always increases to the
/// left, as on the sky seen from inside the celestial sphere.
public enum SkyProjection: Hashable, Sendable {
    /// The full-sky Mollweide (equal-area) projection centred on `centerRA` degrees;
    /// hats centres it on RA 0, so the seam runs along RA 180.
    case mollweide(centerRA: Double)
    /// A gnomonic (tangent-plane) view of a square field `fov` degrees across,
    /// centred on `(ra, dec)`.
    case gnomonic(ra: Double, dec: Double, fov: Double)
    /// A plate carrée view (RA and Dec in degrees as plane coordinates) of a square
    /// field `fov` degrees across, centred on `(ra, dec)`.
    case plateCarree(ra: Double, dec: Double, fov: Double)

    /// The Mollweide full-sky view centred on RA 0, hats' default.
    public static let fullSky = SkyProjection.mollweide(centerRA: 0)

    /// Whether this is a full-sky projection (Mollweide).
    public var isFullSky: Bool {
        if case .mollweide = self { return true }
        return false
    }

    /// The RA at the horizontal centre of the view, degrees.
    public var centerRA: Double {
        switch self {
        case .mollweide(let ra), .gnomonic(let ra, _, _), .plateCarree(let ra, _, _): return ra
        }
    }

    /// The Dec at the centre of the view, degrees (0 for Mollweide).
    public var centerDec: Double {
        switch self {
        case .mollweide: return 0
        case .gnomonic(_, let dec, _), .plateCarree(_, let dec, _): return dec
        }
    }

    /// Whether the projection has a seam that splits the sky at `centerRA ± 180`
    /// (Mollweide, plate carrée); the gnomonic view has none.
    var hasSeam: Bool {
        if case .gnomonic = self { return false }
        return true
    }

    /// The visible part of the plane: `(minX, maxX, minY, maxY)`.
    public var planeBounds: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
        switch self {
        case .mollweide:
            return (-2 * 2.0.squareRoot(), 2 * 2.0.squareRoot(), -2.0.squareRoot(), 2.0.squareRoot())
        case .gnomonic(_, _, let fov):
            let h = tan(min(fov, 170) / 2 * .pi / 180) * 180 / .pi
            return (-h, h, -h, h)
        case .plateCarree(_, let dec, let fov):
            return (-fov / 2, fov / 2, dec - fov / 2, dec + fov / 2)
        }
    }

    /// Projects a sky position (degrees) onto the plane, or `nil` when the point
    /// cannot be shown (behind the tangent plane of a gnomonic view).
    ///
    /// For projections with a seam, the RA offset from the centre is wrapped into
    /// `[-180, 180]`; use ``project(offset:dec:)`` to place points of a ring already
    /// cut at the seam.
    public func project(ra: Double, dec: Double) -> PlanePoint? {
        switch self {
        case .mollweide, .plateCarree:
            return project(offset: Self.wrap180(ra - centerRA), dec: dec)
        case .gnomonic(let ra0, let dec0, _):
            let d2r = Double.pi / 180
            let dra = (ra - ra0) * d2r
            let (sd, cd) = (sin(dec * d2r), cos(dec * d2r))
            let (sd0, cd0) = (sin(dec0 * d2r), cos(dec0 * d2r))
            let cosc = sd0 * sd + cd0 * cd * cos(dra)
            guard cosc > 1e-3 else { return nil }
            let x = cd * sin(dra) / cosc
            let y = (cd0 * sd - sd0 * cd * cos(dra)) / cosc
            return PlanePoint(x: -x / d2r, y: y / d2r)
        }
    }

    /// Projects a point given by its RA offset from the centre, `offset ∈ [-180, 180]`,
    /// for the projections with a seam.
    func project(offset: Double, dec: Double) -> PlanePoint? {
        switch self {
        case .mollweide:
            let lambda = offset * .pi / 180
            let theta = Self.mollweideTheta(latitude: dec * .pi / 180)
            let r2 = 2.0.squareRoot()
            return PlanePoint(x: -2 * r2 / .pi * lambda * cos(theta), y: r2 * sin(theta))
        case .plateCarree:
            return PlanePoint(x: -offset, y: dec)
        case .gnomonic:
            return project(ra: centerRA + offset, dec: dec)
        }
    }

    /// Solves `2θ + sin 2θ = π sin φ` by Newton's method.
    static func mollweideTheta(latitude phi: Double) -> Double {
        if abs(abs(phi) - .pi / 2) < 1e-12 { return phi }
        var theta = phi
        let target = Double.pi * sin(phi)
        for _ in 0..<50 {
            let f = 2 * theta + sin(2 * theta) - target
            let df = 2 + 2 * cos(2 * theta)
            guard df > 1e-15 else { break }
            let step = f / df
            theta -= step
            if abs(step) < 1e-13 { break }
        }
        return theta
    }

    /// `x` wrapped into `(-180, 180]`.
    static func wrap180(_ x: Double) -> Double {
        var r = (x + 180).truncatingRemainder(dividingBy: 360)
        if r <= 0 { r += 360 }
        return r - 180
    }
}
