/// Conversion of HEALPix RING indices to NESTED ones, for maps written in the
/// RING scheme (old healpy-based hipscat tools).
///
/// A RING index is located by its ring (counted from the north pole) and its
/// position in the ring; from those come the base cell ("face") and the
/// cell's (x, y) coordinates within it, whose bits interleaved give the
/// NESTED index (Górski et al. 2005, §4).
enum RingToNested {
    /// The column of each base cell's northern corner, in units of half a cell (`jpll`).
    private static let faceColumn: [Int64] = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7]

    /// The NESTED index of the RING index `ring` at `order`.
    ///
    /// - Precondition: `order` in `0...29`, `ring < 12·4^order`.
    static func nested(order: Int, ring: UInt64) -> UInt64 {
        let nside = Int64(1) << Int64(order)
        let npix = 12 * nside * nside
        let capPixels = 2 * nside * (nside - 1)
        let pix = Int64(ring)
        let twiceNside = 2 * nside
        var ringNumber: Int64, inRing: Int64, shift: Int64 = 0, ringLength: Int64, face: Int64
        if pix < capPixels {
            ringNumber = (1 + isqrt(1 + 2 * pix)) >> 1
            inRing = pix + 1 - 2 * ringNumber * (ringNumber - 1)
            ringLength = ringNumber
            face = (inRing - 1) / ringLength
        } else if pix < npix - capPixels {
            let ip = pix - capPixels
            let row = ip / (4 * nside)
            ringNumber = row + nside
            inRing = ip - row * 4 * nside + 1
            shift = (ringNumber + nside) & 1
            ringLength = nside
            let ascending = (inRing - ((row + 1) >> 1) + nside - 1) / nside
            let descending = (inRing - ((twiceNside + 1 - row) >> 1) + nside - 1) / nside
            face = descending == ascending ? (descending | 4) : (descending < ascending ? descending : ascending + 8)
        } else {
            let ip = npix - pix
            let fromSouth = (1 + isqrt(2 * ip - 1)) >> 1
            inRing = 4 * fromSouth + 1 - (ip - 2 * fromSouth * (fromSouth - 1))
            ringLength = fromSouth
            ringNumber = 2 * twiceNside - fromSouth
            face = (inRing - 1) / ringLength + 8
        }
        let rowInFace = ringNumber - (2 + (face >> 2)) * nside + 1
        var column = 2 * inRing - faceColumn[Int(face)] * ringLength - shift - 1
        if column >= twiceNside { column -= 8 * nside }
        let x = UInt64((column - rowInFace) >> 1)
        let y = UInt64((-column - rowInFace) >> 1)
        return UInt64(face) << UInt64(2 * order) | spreadBits(x) | spreadBits(y) << 1
    }

    /// The integer square root of a non-negative value.
    private static func isqrt(_ v: Int64) -> Int64 {
        var r = Int64(Double(v).squareRoot())
        while r * r > v { r -= 1 }
        while (r + 1) * (r + 1) <= v { r += 1 }
        return r
    }

    /// Moves bit k of `v` (a 29-bit value) to bit 2k.
    private static func spreadBits(_ v: UInt64) -> UInt64 {
        var x = v & 0x1FFF_FFFF
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | x << 2) & 0x3333_3333_3333_3333
        x = (x | x << 1) & 0x5555_5555_5555_5555
        return x
    }
}
