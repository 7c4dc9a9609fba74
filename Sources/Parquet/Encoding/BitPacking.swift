// Little-endian bit packing as used by Parquet's RLE/bit-packed hybrid and DELTA_BINARY_PACKED:
// value k occupies bits [k*w, (k+1)*w) of a little-endian bit stream.
//
//     enum BitPacking {
//         static func byteCount(values: Int, bitWidth: Int) -> Int
//         static func unpack<T: FixedWidthInteger & UnsignedInteger>(
//             _ src: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into dst: UnsafeMutablePointer<T>)
//         static func pack<T: FixedWidthInteger & UnsignedInteger>(
//             _ values: UnsafeBufferPointer<T>, bitWidth: Int, padTo: Int, into out: inout [UInt8])
//     }

/// Packing and unpacking of fixed-width little-endian bit streams.
@usableFromInline
enum BitPacking {
    /// Bytes occupied by `values` values of `bitWidth` bits.
    @inlinable
    static func byteCount(values: Int, bitWidth: Int) -> Int {
        (values * bitWidth + 7) / 8
    }

    /// Unpacks `count` values of `bitWidth` bits (0...64) from the start of `src`.
    ///
    /// `src` must hold at least `byteCount(values: count, bitWidth: bitWidth)` bytes; the caller
    /// checks that. Values wider than `T` are truncated.
    @inlinable
    static func unpack<T: FixedWidthInteger & UnsignedInteger>(
        _ src: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into dst: UnsafeMutablePointer<T>
    ) {
        guard count > 0 else { return }
        if bitWidth == 0 {
            dst.initialize(repeating: 0, count: count)
            return
        }
        guard let base = src.baseAddress else { return }
        let available = src.count
        let mask: UInt64 = bitWidth >= 64 ? ~0 : (1 &<< UInt64(bitWidth)) &- 1
        let w = bitWidth
        // Values whose 8-byte (or 9-byte for w > 56) window lies inside the buffer use unaligned loads.
        let window = w > 56 ? 9 : 8
        var fastCount = 0
        if available >= window {
            // Largest k with (k*w)/8 + window <= available.
            fastCount = min(count, ((available - window) * 8) / w + 1)
            while fastCount > 0 && ((fastCount - 1) * w) / 8 + window > available { fastCount -= 1 }
        }
        var k = 0
        var bit = 0
        if w <= 56 {
            while k < fastCount {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
                dst[k] = T(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
                bit &+= w
                k &+= 1
            }
        } else {
            while k < fastCount {
                let byteIndex = bit &>> 3
                let shift = UInt64(bit & 7)
                var word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: byteIndex, as: UInt64.self)) &>> shift
                if shift > 0 {
                    word |= UInt64(base.load(fromByteOffset: byteIndex + 8, as: UInt8.self)) &<< (64 &- shift)
                }
                dst[k] = T(truncatingIfNeeded: word & mask)
                bit &+= w
                k &+= 1
            }
        }
        // Tail: assemble each value byte by byte.
        while k < count {
            var value: UInt64 = 0
            var got = 0
            var position = bit
            while got < w {
                let byteIndex = position >> 3
                let offset = position & 7
                let byte = byteIndex < available ? UInt64(base.load(fromByteOffset: byteIndex, as: UInt8.self)) : 0
                let take = min(8 - offset, w - got)
                let bits = (byte >> UInt64(offset)) & ((1 << UInt64(take)) - 1)
                value |= bits << UInt64(got)
                got += take
                position += take
            }
            dst[k] = T(truncatingIfNeeded: value)
            bit += w
            k += 1
        }
    }

    /// Appends `values` packed at `bitWidth` bits (0...64), followed by zero values up to `padTo`
    /// values in all (a count below `values.count` adds nothing).
    ///
    /// Bits above `bitWidth` in each value are ignored.
    @inlinable
    static func pack<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, padTo: Int = 0, into out: inout [UInt8]
    ) {
        let total = max(values.count, padTo)
        guard bitWidth > 0, total > 0 else { return }
        let byteTotal = byteCount(values: total, bitWidth: bitWidth)
        let start = out.count
        // 8 spare bytes let every flush be a full unaligned 8-byte store.
        out.append(contentsOf: repeatElement(0, count: byteTotal + 8))
        let w = UInt64(bitWidth)
        let mask: UInt64 = bitWidth >= 64 ? ~0 : (1 &<< w) &- 1
        out.withUnsafeMutableBytes { raw in
            guard let dst = raw.baseAddress?.advanced(by: start) else { return }
            var acc: UInt64 = 0
            var filled: UInt64 = 0
            var offset = 0
            for value in values {
                let v = UInt64(truncatingIfNeeded: value) & mask
                acc |= v &<< filled
                filled &+= w
                if filled >= 64 {
                    dst.storeBytes(of: acc.littleEndian, toByteOffset: offset, as: UInt64.self)
                    offset &+= 8
                    filled &-= 64
                    acc = filled == 0 ? 0 : v &>> (w &- filled)
                }
            }
            if filled > 0 {
                dst.storeBytes(of: acc.littleEndian, toByteOffset: offset, as: UInt64.self)
            }
        }
        out.removeLast(8)
    }
}
