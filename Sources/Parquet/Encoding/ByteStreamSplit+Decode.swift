// BYTE_STREAM_SPLIT decode kernels: 16 values at a time, one 16-byte load per stream, joined by
// byte, 16-bit and 32-bit interleaves (punpckl/h on x86-64, zip1/zip2 on arm64).

extension ByteStreamSplit {
    typealias Bytes16 = SIMD16<UInt8>

    @inline(__always)
    static func zipLow8(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        Bytes16(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7])
    }

    @inline(__always)
    static func zipHigh8(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        Bytes16(a[8], b[8], a[9], b[9], a[10], b[10], a[11], b[11],
                a[12], b[12], a[13], b[13], a[14], b[14], a[15], b[15])
    }

    @inline(__always)
    static func zipLow16(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        let x = unsafeBitCast(a, to: SIMD8<UInt16>.self), y = unsafeBitCast(b, to: SIMD8<UInt16>.self)
        return unsafeBitCast(SIMD8<UInt16>(x[0], y[0], x[1], y[1], x[2], y[2], x[3], y[3]), to: Bytes16.self)
    }

    @inline(__always)
    static func zipHigh16(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        let x = unsafeBitCast(a, to: SIMD8<UInt16>.self), y = unsafeBitCast(b, to: SIMD8<UInt16>.self)
        return unsafeBitCast(SIMD8<UInt16>(x[4], y[4], x[5], y[5], x[6], y[6], x[7], y[7]), to: Bytes16.self)
    }

    @inline(__always)
    static func zipLow32(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        let x = unsafeBitCast(a, to: SIMD4<UInt32>.self), y = unsafeBitCast(b, to: SIMD4<UInt32>.self)
        return unsafeBitCast(SIMD4<UInt32>(x[0], y[0], x[1], y[1]), to: Bytes16.self)
    }

    @inline(__always)
    static func zipHigh32(_ a: Bytes16, _ b: Bytes16) -> Bytes16 {
        let x = unsafeBitCast(a, to: SIMD4<UInt32>.self), y = unsafeBitCast(b, to: SIMD4<UInt32>.self)
        return unsafeBitCast(SIMD4<UInt32>(x[2], y[2], x[3], y[3]), to: Bytes16.self)
    }

    /// Joins values `0..<count` (`count` a multiple of 16) of 8 streams `stride` bytes apart.
    static func decode8Blocks(_ src: UnsafeRawPointer, stride: Int, count: Int, into output: UnsafeMutableRawPointer) {
        var i = 0
        // Two steps per iteration share the stream addresses.
        while i &+ 32 <= count {
            join8(src + i, stride: stride, into: output + i &* 8)
            join8(src + (i &+ 16), stride: stride, into: output + (i &* 8 &+ 128))
            i &+= 32
        }
        if i < count {
            join8(src + i, stride: stride, into: output + i &* 8)
        }
    }

    /// Joins 16 values of 8 streams: byte, then 16-bit, then 32-bit interleaves.
    @inline(__always)
    static func join8(_ p: UnsafeRawPointer, stride: Int, into o: UnsafeMutableRawPointer) {
        let s0 = p.loadUnaligned(as: Bytes16.self)
        let s1 = p.loadUnaligned(fromByteOffset: stride, as: Bytes16.self)
        let s2 = p.loadUnaligned(fromByteOffset: 2 &* stride, as: Bytes16.self)
        let s3 = p.loadUnaligned(fromByteOffset: 3 &* stride, as: Bytes16.self)
        let s4 = p.loadUnaligned(fromByteOffset: 4 &* stride, as: Bytes16.self)
        let s5 = p.loadUnaligned(fromByteOffset: 5 &* stride, as: Bytes16.self)
        let s6 = p.loadUnaligned(fromByteOffset: 6 &* stride, as: Bytes16.self)
        let s7 = p.loadUnaligned(fromByteOffset: 7 &* stride, as: Bytes16.self)
        let a0 = zipLow8(s0, s1), a1 = zipHigh8(s0, s1)
        let b0 = zipLow8(s2, s3), b1 = zipHigh8(s2, s3)
        let c0 = zipLow8(s4, s5), c1 = zipHigh8(s4, s5)
        let d0 = zipLow8(s6, s7), d1 = zipHigh8(s6, s7)
        let ab0 = zipLow16(a0, b0), ab1 = zipHigh16(a0, b0), ab2 = zipLow16(a1, b1), ab3 = zipHigh16(a1, b1)
        let cd0 = zipLow16(c0, d0), cd1 = zipHigh16(c0, d0), cd2 = zipLow16(c1, d1), cd3 = zipHigh16(c1, d1)
        o.storeBytes(of: zipLow32(ab0, cd0), as: Bytes16.self)
        o.storeBytes(of: zipHigh32(ab0, cd0), toByteOffset: 16, as: Bytes16.self)
        o.storeBytes(of: zipLow32(ab1, cd1), toByteOffset: 32, as: Bytes16.self)
        o.storeBytes(of: zipHigh32(ab1, cd1), toByteOffset: 48, as: Bytes16.self)
        o.storeBytes(of: zipLow32(ab2, cd2), toByteOffset: 64, as: Bytes16.self)
        o.storeBytes(of: zipHigh32(ab2, cd2), toByteOffset: 80, as: Bytes16.self)
        o.storeBytes(of: zipLow32(ab3, cd3), toByteOffset: 96, as: Bytes16.self)
        o.storeBytes(of: zipHigh32(ab3, cd3), toByteOffset: 112, as: Bytes16.self)
    }

    /// Joins values `0..<count` (`count` a multiple of 16) of 4 streams `stride` bytes apart.
    static func decode4Blocks(_ src: UnsafeRawPointer, stride: Int, count: Int, into output: UnsafeMutableRawPointer) {
        var i = 0
        while i < count {
            let p = src + i
            let s0 = p.loadUnaligned(as: Bytes16.self)
            let s1 = p.loadUnaligned(fromByteOffset: stride, as: Bytes16.self)
            let s2 = p.loadUnaligned(fromByteOffset: 2 &* stride, as: Bytes16.self)
            let s3 = p.loadUnaligned(fromByteOffset: 3 &* stride, as: Bytes16.self)
            let a0 = zipLow8(s0, s1), a1 = zipHigh8(s0, s1)
            let b0 = zipLow8(s2, s3), b1 = zipHigh8(s2, s3)
            let o = output + i &* 4
            o.storeBytes(of: zipLow16(a0, b0), as: Bytes16.self)
            o.storeBytes(of: zipHigh16(a0, b0), toByteOffset: 16, as: Bytes16.self)
            o.storeBytes(of: zipLow16(a1, b1), toByteOffset: 32, as: Bytes16.self)
            o.storeBytes(of: zipHigh16(a1, b1), toByteOffset: 48, as: Bytes16.self)
            i &+= 16
        }
    }

    /// Joins values `0..<count` (`count` a multiple of 16) of 2 streams `stride` bytes apart.
    static func decode2Blocks(_ src: UnsafeRawPointer, stride: Int, count: Int, into output: UnsafeMutableRawPointer) {
        var i = 0
        while i < count {
            let p = src + i
            let s0 = p.loadUnaligned(as: Bytes16.self)
            let s1 = p.loadUnaligned(fromByteOffset: stride, as: Bytes16.self)
            let o = output + i &* 2
            o.storeBytes(of: zipLow8(s0, s1), as: Bytes16.self)
            o.storeBytes(of: zipHigh8(s0, s1), toByteOffset: 16, as: Bytes16.self)
            i &+= 16
        }
    }
}
