import HEALPix

/// The rows in an RA range and a Dec range (LSDB's `BoxSearch`).
///
/// RA edges are meridians and Dec edges parallels. RA values are wrapped into
/// [0, 360); a range whose start exceeds its end wraps through RA 0
/// (`ra: (350, 10)`), and equal ends take every RA. Bounds are inclusive.
public struct BoxSearch: Search, Hashable {
    /// The RA range (start, end), degrees.
    public var ra: (Double, Double) { (raStart, raEnd) }
    /// The Dec range (low, high), degrees.
    public var dec: (Double, Double) { (decLow, decHigh) }
    private let raStart, raEnd, decLow, decHigh: Double
    /// Whether rows are filtered (default `true`).
    public var isFine: Bool

    /// Creates a box search.
    public init(ra: (Double, Double), dec: (Double, Double), fine: Bool = true) {
        raStart = Self.wrap(ra.0)
        raEnd = Self.wrap(ra.1)
        decLow = dec.0
        decHigh = dec.1
        isFine = fine
    }

    /// Finite values, `dec.0 < dec.1`, both within ±90°.
    public func validate() throws(LSDBError) {
        try SearchValidation.rightAscension(raStart, "box ra")
        try SearchValidation.rightAscension(raEnd, "box ra")
        try SearchValidation.declination(decLow, "box dec")
        try SearchValidation.declination(decHigh, "box dec")
        guard decLow < decHigh else {
            throw .invalidArgument("box dec range must be increasing, got (\(decLow), \(decHigh))")
        }
    }

    /// The zone's coverage (a superset of mocpy's `MOC.from_zone`).
    public func coverage(maxOrder: Int) -> MOC? {
        MOC.box(ra: (raStart, raEnd), dec: (decLow, decHigh), maxOrder: maxOrder)
    }

    /// RA (wrapped) and Dec within the ranges, inclusive.
    public func contains(ra raValues: UnsafeBufferPointer<Double>, dec decValues: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        for i in 0..<raValues.count {
            let r = Self.wrap(raValues[i])
            let raInside: Bool
            if raStart == raEnd {
                raInside = true
            } else if raStart < raEnd {
                raInside = r >= raStart && r <= raEnd
            } else {
                raInside = r >= raStart || r <= raEnd
            }
            let d = decValues[i]
            mask[i] = raInside && d >= decLow && d <= decHigh
        }
    }

    /// Python's `x % 360` for floats (the result has the sign of 360).
    static func wrap(_ x: Double) -> Double {
        let r = x.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }

    /// `BoxSearch(ra: (…), dec: (…))`.
    public var description: String { "BoxSearch(ra: (\(raStart), \(raEnd)), dec: (\(decLow), \(decHigh)))" }

    public static func == (a: BoxSearch, b: BoxSearch) -> Bool {
        (a.raStart, a.raEnd, a.decLow, a.decHigh, a.isFine) == (b.raStart, b.raEnd, b.decLow, b.decHigh, b.isFine)
    }

    public func hash(into hasher: inout Hasher) {
        for v in [raStart, raEnd, decLow, decHigh] { hasher.combine(v) }
        hasher.combine(isFine)
    }
}
