// BYTE_STREAM_SPLIT (Encoding 9): stream j holds byte j of every value; streams are concatenated,
// so encoded[j * N + i] = bytes(value_i)[j], with N = input length / width.
//
//     public enum ByteStreamSplit {
//         static func decode(_ input: UnsafeRawBufferPointer, width: Int, count: Int,
//                            into output: UnsafeMutableRawPointer) throws
//         static func encode(_ values: UnsafeRawBufferPointer, width: Int, into out: inout [UInt8])
//     }

/// The BYTE_STREAM_SPLIT encoding, for any value width (FLOAT 4, DOUBLE 8, INT32, INT64, FLBA).
public enum ByteStreamSplit {
    /// Decodes the first `count` values of `width` bytes into `output` (`count * width` bytes).
    ///
    /// The stream length N is `input.count / width`, as Arrow reads it; N must be at least `count`.
    public static func decode(
        _ input: UnsafeRawBufferPointer, width: Int, count: Int, into output: UnsafeMutableRawPointer
    ) throws {
        guard width > 0, count >= 0 else {
            throw ParquetError(.invalidArgument, "BYTE_STREAM_SPLIT width \(width) or count \(count) is invalid")
        }
        let stride = input.count / width
        guard stride >= count else {
            throw ParquetError(.corruptData, "BYTE_STREAM_SPLIT data holds \(stride) values, \(count) expected")
        }
        guard count > 0, let src = input.baseAddress else { return }
        let dst = output.assumingMemoryBound(to: UInt8.self)
        let bytes = src.assumingMemoryBound(to: UInt8.self)
        let blocked = count & ~15
        switch width {
        case 8: decode8Blocks(src, stride: stride, count: blocked, into: output)
        case 4: decode4Blocks(src, stride: stride, count: blocked, into: output)
        case 2: decode2Blocks(src, stride: stride, count: blocked, into: output)
        default: break
        }
        switch width {
        case 8: decodeWords(bytes + blocked, stride: stride, count: count &- blocked, into: output + blocked &* 8, as: UInt64.self)
        case 4: decodeWords(bytes + blocked, stride: stride, count: count &- blocked, into: output + blocked &* 4, as: UInt32.self)
        case 2: decodeWords(bytes + blocked, stride: stride, count: count &- blocked, into: output + blocked &* 2, as: UInt16.self)
        default:
            for j in 0..<width {
                let stream = bytes + j * stride
                for i in 0..<count { dst[i * width + j] = stream[i] }
            }
        }
    }

    @inline(__always)
    static func decodeWords<W: FixedWidthInteger & UnsignedInteger>(
        _ bytes: UnsafePointer<UInt8>, stride: Int, count: Int, into output: UnsafeMutableRawPointer, as: W.Type
    ) {
        let width = MemoryLayout<W>.size
        // Walk in blocks so that each stream's block stays in cache while values are assembled.
        let block = 256
        var start = 0
        while start < count {
            let end = min(start + block, count)
            for i in start..<end {
                var word: W = 0
                for j in 0..<width {
                    word |= W(bytes[j &* stride &+ i]) &<< W(j &* 8)
                }
                output.storeBytes(of: word.littleEndian, toByteOffset: i &* width, as: W.self)
            }
            start = end
        }
    }

    /// Appends `values` (a whole number of `width`-byte values) split into byte streams.
    public static func encode(_ values: UnsafeRawBufferPointer, width: Int, into out: inout [UInt8]) {
        precondition(width > 0 && values.count % width == 0, "BYTE_STREAM_SPLIT input must hold whole values")
        let count = values.count / width
        guard count > 0, let src = values.baseAddress else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: values.count))
        let bytes = src.assumingMemoryBound(to: UInt8.self)
        out.withUnsafeMutableBufferPointer { buffer in
            guard let dst = buffer.baseAddress?.advanced(by: start) else { return }
            switch width {
            case 8:
                let blocked = count & ~7
                encodeDoubleBlocks(src, count: blocked, stride: count, into: dst)
                encodeTail(src, width: 8, range: blocked..<count, stride: count, into: dst)
            case 4:
                let blocked = count & ~15
                encodeFloatBlocks(src, count: blocked, stride: count, into: dst)
                encodeTail(src, width: 4, range: blocked..<count, stride: count, into: dst)
            default:
                for j in 0..<width {
                    let stream = dst + j * count
                    for i in 0..<count { stream[i] = bytes[i * width + j] }
                }
            }
        }
    }

    static func encodeTail(
        _ src: UnsafeRawPointer, width: Int, range: Range<Int>, stride: Int, into dst: UnsafeMutablePointer<UInt8>
    ) {
        for i in range {
            for j in 0..<width {
                dst[j &* stride &+ i] = src.load(fromByteOffset: i &* width &+ j, as: UInt8.self)
            }
        }
    }

    /// Transposes an 8×8 byte matrix held as 8 little-endian rows: byte k of row i moves to
    /// byte i of row k.
    @inline(__always)
    static func transpose8x8(_ r: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        @inline(__always) func swap(_ a: inout UInt64, _ b: inout UInt64, _ shift: UInt64, _ mask: UInt64) {
            let t = ((a &>> shift) ^ b) & mask
            b ^= t
            a ^= t &<< shift
        }
        let m32: UInt64 = 0x0000_0000_FFFF_FFFF
        let m16: UInt64 = 0x0000_FFFF_0000_FFFF
        let m8: UInt64 = 0x00FF_00FF_00FF_00FF
        swap(&r.0, &r.4, 32, m32); swap(&r.1, &r.5, 32, m32); swap(&r.2, &r.6, 32, m32); swap(&r.3, &r.7, 32, m32)
        swap(&r.0, &r.2, 16, m16); swap(&r.1, &r.3, 16, m16); swap(&r.4, &r.6, 16, m16); swap(&r.5, &r.7, 16, m16)
        swap(&r.0, &r.1, 8, m8); swap(&r.2, &r.3, 8, m8); swap(&r.4, &r.5, 8, m8); swap(&r.6, &r.7, 8, m8)
    }

    /// Splits whole blocks of 8 eight-byte values (`count` a multiple of 8).
    static func encodeDoubleBlocks(_ src: UnsafeRawPointer, count: Int, stride: Int, into dst: UnsafeMutablePointer<UInt8>) {
        let out = UnsafeMutableRawPointer(dst)
        var i = 0
        while i < count {
            let p = src + i &* 8
            var r = (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                     p.loadUnaligned(fromByteOffset: 16, as: UInt64.self), p.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
                     p.loadUnaligned(fromByteOffset: 32, as: UInt64.self), p.loadUnaligned(fromByteOffset: 40, as: UInt64.self),
                     p.loadUnaligned(fromByteOffset: 48, as: UInt64.self), p.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
            transpose8x8(&r)
            out.storeBytes(of: r.0, toByteOffset: i, as: UInt64.self)
            out.storeBytes(of: r.1, toByteOffset: stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.2, toByteOffset: 2 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.3, toByteOffset: 3 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.4, toByteOffset: 4 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.5, toByteOffset: 5 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.6, toByteOffset: 6 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.7, toByteOffset: 7 &* stride &+ i, as: UInt64.self)
            i &+= 8
        }
    }

    /// Splits whole blocks of 16 four-byte values (`count` a multiple of 16): values k and k+8
    /// share a row, so one 8×8 transpose yields 8 bytes of each stream for both halves.
    static func encodeFloatBlocks(_ src: UnsafeRawPointer, count: Int, stride: Int, into dst: UnsafeMutablePointer<UInt8>) {
        let out = UnsafeMutableRawPointer(dst)
        var i = 0
        @inline(__always) func row(_ p: UnsafeRawPointer, _ k: Int) -> UInt64 {
            UInt64(p.loadUnaligned(fromByteOffset: 4 &* k, as: UInt32.self))
                | UInt64(p.loadUnaligned(fromByteOffset: 4 &* (k &+ 8), as: UInt32.self)) &<< 32
        }
        while i < count {
            let p = src + i &* 4
            var r = (row(p, 0), row(p, 1), row(p, 2), row(p, 3), row(p, 4), row(p, 5), row(p, 6), row(p, 7))
            transpose8x8(&r)
            out.storeBytes(of: r.0, toByteOffset: i, as: UInt64.self)
            out.storeBytes(of: r.4, toByteOffset: i &+ 8, as: UInt64.self)
            out.storeBytes(of: r.1, toByteOffset: stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.5, toByteOffset: stride &+ i &+ 8, as: UInt64.self)
            out.storeBytes(of: r.2, toByteOffset: 2 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.6, toByteOffset: 2 &* stride &+ i &+ 8, as: UInt64.self)
            out.storeBytes(of: r.3, toByteOffset: 3 &* stride &+ i, as: UInt64.self)
            out.storeBytes(of: r.7, toByteOffset: 3 &* stride &+ i &+ 8, as: UInt64.self)
            i &+= 16
        }
    }
}
