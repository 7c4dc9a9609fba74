/// Bit interleaving between face coordinates `(i, j)` and the in-face part of
/// a nested index (the Z-order, or Morton, curve): bit `k` of `i` goes to bit
/// `2k`, bit `k` of `j` to bit `2k + 1`.
extension Healpix {
    /// Spreads the low 32 bits of `v` onto the even bits of the result.
    @inlinable @inline(__always)
    static func spreadBits(_ v: UInt64) -> UInt64 {
        var x = v & 0x0000_0000_FFFF_FFFF
        x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF
        x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF
        x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | (x << 2)) & 0x3333_3333_3333_3333
        x = (x | (x << 1)) & 0x5555_5555_5555_5555
        return x
    }

    /// Gathers the even bits of `v` into the low 32 bits of the result.
    @inlinable @inline(__always)
    static func compactBits(_ v: UInt64) -> UInt64 {
        var x = v & 0x5555_5555_5555_5555
        x = (x | (x >> 1)) & 0x3333_3333_3333_3333
        x = (x | (x >> 2)) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | (x >> 4)) & 0x00FF_00FF_00FF_00FF
        x = (x | (x >> 8)) & 0x0000_FFFF_0000_FFFF
        x = (x | (x >> 16)) & 0x0000_0000_FFFF_FFFF
        return x
    }

    /// The nested index of cell `(i, j)` of base cell `face` at `order`.
    @inlinable @inline(__always)
    static func encode(order: Int, face: UInt64, i: UInt64, j: UInt64) -> UInt64 {
        (face << UInt64(2 * order)) | spreadBits(i) | (spreadBits(j) << 1)
    }

    /// Splits a nested index into its base cell and in-face coordinates.
    @inlinable @inline(__always)
    static func decode(order: Int, index: UInt64) -> (face: UInt64, i: UInt64, j: UInt64) {
        let shift = UInt64(2 * order)
        let inFace = index & ((1 << shift) &- 1)
        return (index >> shift, compactBits(inFace), compactBits(inFace >> 1))
    }
}
