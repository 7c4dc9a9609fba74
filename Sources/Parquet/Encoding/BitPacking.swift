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
    /// checks that. Bytes past those (but inside `src`) may be read and are ignored. Values wider
    /// than `T` are truncated.
    @inlinable
    static func unpack<T: FixedWidthInteger & UnsignedInteger>(
        _ src: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into dst: UnsafeMutablePointer<T>
    ) {
        guard count > 0 else { return }
        guard bitWidth > 0, let base = src.baseAddress else {
            dst.initialize(repeating: 0, count: count)
            return
        }
        forEachValue(base, available: src.count, bitWidth: bitWidth, count: count) { k, v in
            dst[k] = T(truncatingIfNeeded: v)
        }
    }

    /// Calls `body(k, value)` for values `0..<count` of `bitWidth` bits (1...64) in order.
    ///
    /// Reads only the first `available` bytes of `base`; missing bits read as zero. Whole groups
    /// of 8 values whose bytes (plus 8 bytes of slack) lie inside the buffer go through a kernel
    /// specialised for the width; the rest through a zero-padded copy.
    @inlinable @inline(__always)
    static func forEachValue(
        _ base: UnsafeRawPointer, available: Int, bitWidth w: Int, count: Int, _ body: (Int, UInt64) -> Void
    ) {
        let whole = count &>> 3
        let room = available &- 8
        let fastGroups = whole <= Int(Int32.max) && whole &* w <= room ? whole : (room >= w ? min(whole, room / w) : 0)
        if fastGroups > 0 {
            groups(base, count: fastGroups, bitWidth: w, first: 0, body)
        }
        if fastGroups &* 8 < count {
            forEachValueInTail(base, available: available, bitWidth: w, from: fastGroups &* 8, count: count, body)
        }
    }

    /// The groups `forEachValue` leaves to a zero-padded copy, out of line to keep its kernels lean.
    @inlinable @inline(never)
    static func forEachValueInTail(
        _ base: UnsafeRawPointer, available: Int, bitWidth w: Int, from start: Int, count: Int, _ body: (Int, UInt64) -> Void
    ) {
        var k = start
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { tmp in
            while k < count {
                unpackPaddedGroup(base, available: available, byteOffset: (k &>> 3) &* w, bitWidth: w, into: tmp.baseAddress!)
                for j in 0..<min(8, count &- k) { body(k &+ j, tmp[j]) }
                k &+= 8
            }
        }
    }

    /// Unpacks the 8 values at `byteOffset` into `out` from a zero-padded copy of their bytes.
    @usableFromInline
    static func unpackPaddedGroup(
        _ base: UnsafeRawPointer, available: Int, byteOffset: Int, bitWidth w: Int, into out: UnsafeMutablePointer<UInt64>
    ) {
        // A group reads at most `w + 8` bytes from its start.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 9) { pad in
            let padded = UnsafeMutableRawPointer(pad.baseAddress!)
            padded.initializeMemory(as: UInt64.self, repeating: 0, count: 9)
            padded.copyMemory(from: base + byteOffset, byteCount: max(0, min(w, available &- byteOffset)))
            groups(UnsafeRawPointer(padded), count: 1, bitWidth: w, first: 0) { j, v in out[j] = v }
        }
    }

    /// Runs `groupCount` groups of 8 values with the bit width as a constant in each kernel.
    @inlinable @inline(__always)
    static func groups(
        _ p: UnsafeRawPointer, count groupCount: Int, bitWidth w: Int, first: Int, _ body: (Int, UInt64) -> Void
    ) {
        @inline(__always) func g(_ w: Int) { kernel(p, groupCount, w, first, body) }
        switch w {
        case 1: g(1); case 2: g(2); case 3: g(3); case 4: g(4); case 5: g(5); case 6: g(6); case 7: g(7)
        case 8: g(8); case 9: g(9); case 10: g(10); case 11: g(11); case 12: g(12); case 13: g(13)
        case 14: g(14); case 15: g(15); case 16: g(16); case 17: g(17); case 18: g(18); case 19: g(19)
        case 20: g(20); case 21: g(21); case 22: g(22); case 23: g(23); case 24: g(24); case 25: g(25)
        case 26: g(26); case 27: g(27); case 28: g(28); case 29: g(29); case 30: g(30); case 31: g(31)
        case 32: g(32); case 33: g(33); case 34: g(34); case 35: g(35); case 36: g(36); case 37: g(37)
        case 38: g(38); case 39: g(39); case 40: g(40); case 41: g(41); case 42: g(42); case 43: g(43)
        case 44: g(44); case 45: g(45); case 46: g(46); case 47: g(47); case 48: g(48); case 49: g(49)
        case 50: g(50); case 51: g(51); case 52: g(52); case 53: g(53); case 54: g(54); case 55: g(55)
        case 56: g(56); case 57: g(57); case 58: g(58); case 59: g(59); case 60: g(60); case 61: g(61)
        case 62: g(62); case 63: g(63); case 64: g(64)
        default: preconditionFailure("bit width \(w) outside 1...64")
        }
    }

    /// One group of 8 values occupies exactly `w` bytes; value `k` is an unaligned 8-byte load at
    /// byte `k*w/8` (plus the next byte when its bits run past that window).
    @inlinable @inline(__always)
    static func kernel(
        _ base: UnsafeRawPointer, _ groupCount: Int, _ w: Int, _ first: Int, _ body: (Int, UInt64) -> Void
    ) {
        let mask: UInt64 = w == 64 ? ~0 : (1 &<< UInt64(w)) &- 1
        @inline(__always) func value(_ p: UnsafeRawPointer, _ k: Int) -> UInt64 {
            let bit = k &* w
            let shift = UInt64(bit & 7)
            var word = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self)) &>> shift
            if shift != 0 && Int(shift) &+ w > 64 {
                word |= UInt64(p.load(fromByteOffset: (bit &>> 3) &+ 8, as: UInt8.self)) &<< (64 &- shift)
            }
            return word & mask
        }
        var p = base
        var k = first
        for _ in 0..<groupCount {
            body(k, value(p, 0)); body(k &+ 1, value(p, 1)); body(k &+ 2, value(p, 2)); body(k &+ 3, value(p, 3))
            body(k &+ 4, value(p, 4)); body(k &+ 5, value(p, 5)); body(k &+ 6, value(p, 6)); body(k &+ 7, value(p, 7))
            p += w
            k &+= 8
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
