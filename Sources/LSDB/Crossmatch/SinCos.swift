/// Sine and cosine of angles in degrees, inlined into the crossmatch loops.
///
/// A call to libm's `sincos` per coordinate was 8 % of a whole-sky crossmatch. Here the
/// angle is reduced in degrees, which is exact (`x − 90·q` for the nearest multiple `q`
/// loses no bits), so only the final conversion of at most 45° to radians rounds; the
/// sine and cosine of that are Taylor polynomials whose truncation error (below 1e-19 at
/// π/4) is far under an ulp. Results are within 2 ulp of libm's (tested), far below
/// what the 1e-6″ agreement with LSDB's distances needs.
enum SinCos {
    /// `2^52 + 2^51`: adding and subtracting it rounds a double below 2^51 to an integer.
    private static let roundingShift = 6_755_399_441_055_744.0

    /// `(sin x, cos x)` for `x` in degrees; finite `x` with `|x| < 2^50` only.
    @inline(__always)
    static func degrees(_ x: Double) -> (sin: Double, cos: Double) {
        let shifted = x * (1.0 / 90.0) + roundingShift
        let quadrant = shifted.bitPattern
        let r = (x - (shifted - roundingShift) * 90) * (Double.pi / 180)
        let r2 = r * r
        // sin r = r − r³/3! + … − r¹⁹/19!   cos r = 1 − r²/2! + … − r¹⁸/18!
        var s = 8.22063524662432971695598e-18
        s = s * r2 - 2.81145725434552076319894e-15
        s = s * r2 + 7.64716373181981647590113e-13
        s = s * r2 - 1.60590438368216145993923e-10
        s = s * r2 + 2.50521083854417187750521e-8
        s = s * r2 - 2.75573192239858906525573e-6
        s = s * r2 + 1.98412698412698412698413e-4
        s = s * r2 - 8.33333333333333333333333e-3
        s = s * r2 + 1.66666666666666666666667e-1
        let sine = r - r * r2 * s
        var c = -1.56192069685862264622163e-16
        c = c * r2 + 4.77947733238738529743820e-14
        c = c * r2 - 1.14707455977297247138516e-11
        c = c * r2 + 2.08767569878680989792100e-9
        c = c * r2 - 2.75573192239858906525573e-7
        c = c * r2 + 2.48015873015873015873016e-5
        c = c * r2 - 1.38888888888888888888889e-3
        c = c * r2 + 4.16666666666666666666667e-2
        let half = 0.5 * r2
        let cosine = (1 - half) + ((1 - (1 - half)) - half + r2 * r2 * c)
        // Quadrant q: (sin, cos) of x = (s, c), (c, −s), (−s, −c), (−c, s) for q mod 4 = 0…3.
        // Selected with bit masks, not branches: quadrants of successive rows are random.
        let swap = 0 &- (quadrant & 1)
        let sineBits = sine.bitPattern, cosineBits = cosine.bitPattern
        let sinBits = (sineBits & ~swap) | (cosineBits & swap)
        let cosBits = (cosineBits & ~swap) | (sineBits & swap)
        let sinSign: UInt64 = (quadrant & 2) << 62
        let cosSign: UInt64 = ((quadrant &+ 1) & 2) << 62
        return (Double(bitPattern: sinBits ^ sinSign), Double(bitPattern: cosBits ^ cosSign))
    }
}
