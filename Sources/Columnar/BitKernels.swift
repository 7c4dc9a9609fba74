/// Loops over packed bits shared by ``Bitmap``, ``BitmapBuilder`` and the column kernels.
@usableFromInline
enum BitKernels {
    /// Reads bit `index` of `bits`.
    @inlinable @inline(__always)
    static func get(_ bits: UnsafeRawPointer, _ index: Int) -> Bool {
        (bits.load(fromByteOffset: index >> 3, as: UInt8.self) >> UInt8(index & 7)) & 1 != 0
    }

    /// Sets bit `index` of `bits` to `value`.
    @inlinable @inline(__always)
    static func set(_ bits: UnsafeMutableRawPointer, _ index: Int, _ value: Bool) {
        let byte = bits.load(fromByteOffset: index >> 3, as: UInt8.self)
        let mask = UInt8(1) << UInt8(index & 7)
        bits.storeBytes(of: value ? byte | mask : byte & ~mask, toByteOffset: index >> 3, as: UInt8.self)
    }

    /// Counts the set bits among the first `count`.
    static func popcount(_ bits: UnsafeRawPointer, count: Int) -> Int {
        var total = 0
        let words = count >> 6
        for w in 0..<words {
            total += bits.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self).nonzeroBitCount
        }
        var i = words << 6
        while i < count {
            if get(bits, i) { total += 1 }
            i += 1
        }
        return total
    }

    /// Writes the positions of the set bits among the first `count` to `out`; returns how many.
    static func setIndices(_ bits: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<Int>) -> Int {
        var n = 0
        let words = count >> 6
        for w in 0..<words {
            var word = UInt64(littleEndian: bits.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self))
            while word != 0 {
                out[n] = (w << 6) + word.trailingZeroBitCount
                n += 1
                word &= word &- 1
            }
        }
        var i = words << 6
        while i < count {
            if get(bits, i) { out[n] = i; n += 1 }
            i += 1
        }
        return n
    }

    /// Copies `count` bits from `source` at bit `sourceOffset` to `target` at bit `targetOffset`.
    static func copyBits(from source: UnsafeRawPointer, offset sourceOffset: Int,
                         to target: UnsafeMutableRawPointer, offset targetOffset: Int, count: Int) {
        if sourceOffset & 7 == 0 && targetOffset & 7 == 0 {
            let whole = count >> 3
            (target + (targetOffset >> 3)).copyMemory(from: source + (sourceOffset >> 3), byteCount: whole)
            for i in (whole << 3)..<count {
                set(target, targetOffset + i, get(source, sourceOffset + i))
            }
            return
        }
        for i in 0..<count {
            set(target, targetOffset + i, get(source, sourceOffset + i))
        }
    }
}
