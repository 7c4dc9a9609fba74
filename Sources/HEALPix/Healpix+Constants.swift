/// Numerical constants of the cdshealpix flavour of the HEALPix projection.
///
/// The literals are the exact `f64` values cdshealpix uses; several of them
/// differ in the last bit from what a naive expression would give, and the
/// hashes are only bit-identical with these.
extension Healpix {
    /// Degrees to radians, as astropy's `deg → rad` scale (`π/180`, folded).
    @usableFromInline static let degToRad: Double = 0.017453292519943295
    /// Radians to degrees, as astropy's `rad → deg` scale (`180/π`, folded).
    @usableFromInline static let radToDeg: Double = 57.29577951308232
    /// `4/π`, turning a longitude in radians into the projection plane's x.
    @usableFromInline static let fourOverPi: Double = 1.2732395447351628
    /// `π/4`.
    @usableFromInline static let piOverFour: Double = 0.7853981633974483
    /// `π/2`.
    @usableFromInline static let piOverTwo: Double = 1.5707963267948966
    /// `asin(2/3)`: the latitude (radians) separating the polar caps from the
    /// equatorial zone. Exactly `41.810314895778596°` converted to radians.
    public static let transitionLatitude: Double = 0.7297276562269663
    /// `2/3`: `sin(transitionLatitude)`.
    @usableFromInline static let transitionZ: Double = 2.0 / 3.0
    /// `1.5 = 1 / transitionZ`.
    @usableFromInline static let oneOverTransitionZ: Double = 1.5
    /// `√6`.
    @usableFromInline static let sqrt6: Double = 2.449489742783178
    /// `1/√6` as cdshealpix writes it (1 ulp below `1/sqrt(6)`).
    @usableFromInline static let oneOverSqrt6: Double = 0.408248290463863
    /// Below this projected distance from a pole, longitudes are not rescaled.
    @usableFromInline static let epsPole: Double = 1e-13
}
