import Testing
@testable import Parquet

/// The specialised decode kernels (bit unpacking per width, BYTE_STREAM_SPLIT interleaves, fused
/// DELTA prefix sums) against simple references, at lengths around their block sizes and from
/// unaligned buffers.
@Suite("Encoding kernels")
struct EncodingKernelTests {
    static let counts = [1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 200, 257]

    /// Bit `k*w + b` of the stream, read one bit at a time.
    static func referenceUnpack(_ bytes: [UInt8], bitWidth w: Int, count: Int) -> [UInt64] {
        (0..<count).map { k in
            var v: UInt64 = 0
            for b in 0..<w {
                let bit = k * w + b
                if bit / 8 < bytes.count, (bytes[bit / 8] >> UInt8(bit % 8)) & 1 == 1 { v |= 1 << UInt64(b) }
            }
            return v
        }
    }

    /// Runs `body` on `bytes` copied `shift` bytes into a larger buffer, followed by `tail` garbage bytes.
    static func withShifted<R>(_ bytes: [UInt8], shift: Int, tail: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var storage = [UInt8](repeating: 0xA5, count: shift + bytes.count + tail)
        storage.replaceSubrange(shift..<(shift + bytes.count), with: bytes)
        return try storage.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[shift..<(shift + bytes.count + tail)]))
        }
    }

    @Test("bit unpacking matches a bitwise reference at every width, length and alignment", arguments: 0...64)
    func unpack(width: Int) {
        var rng = SeededGenerator(seed: UInt64(width) &+ 1000)
        let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        for count in Self.counts {
            let values = (0..<count).map { _ in rng.next() & mask }
            var packed: [UInt8] = []
            values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: width, into: &packed) }
            #expect(Self.referenceUnpack(packed, bitWidth: width, count: count) == values)
            for (shift, tail) in [(0, 0), (1, 0), (3, 5), (7, 64)] {
                var out64 = [UInt64](repeating: 1, count: count)
                Self.withShifted(packed, shift: shift, tail: tail) { src in
                    out64.withUnsafeMutableBufferPointer { BitPacking.unpack(src, bitWidth: width, count: count, into: $0.baseAddress!) }
                }
                #expect(out64 == values, "width \(width) count \(count) shift \(shift) tail \(tail)")
                var out32 = [UInt32](repeating: 1, count: count + 1)
                Self.withShifted(packed, shift: shift, tail: tail) { src in
                    out32.withUnsafeMutableBufferPointer { BitPacking.unpack(src, bitWidth: width, count: count, into: $0.baseAddress!) }
                }
                #expect(Array(out32.prefix(count)) == values.map { UInt32(truncatingIfNeeded: $0) })
                #expect(out32[count] == 1, "wrote past count")
            }
        }
    }

    @Test("bit unpacking of a short buffer reads missing bits as zero and stays inside it")
    func unpackShortBuffer() {
        for width in 1...64 {
            let bytes = [UInt8](repeating: 0xFF, count: width / 2)
            var out = [UInt64](repeating: 1, count: 16)
            bytes.withUnsafeBytes { src in
                out.withUnsafeMutableBufferPointer { BitPacking.unpack(src, bitWidth: width, count: 16, into: $0.baseAddress!) }
            }
            #expect(out == Self.referenceUnpack(bytes, bitWidth: width, count: 16), "width \(width)")
        }
    }

    @Test("BYTE_STREAM_SPLIT interleave kernels at widths 2, 4, 8", arguments: [2, 4, 8])
    func byteStreamSplit(width: Int) throws {
        var rng = SeededGenerator(seed: UInt64(width) &+ 77)
        for count in Self.counts + [1000, 1024, 1031] {
            for padding in [0, 3] {
                let stride = count + padding
                let encoded = (0..<(stride * width + width - 1)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                var expected = [UInt8](repeating: 0, count: count * width)
                for i in 0..<count { for j in 0..<width { expected[i * width + j] = encoded[j * stride + i] } }
                for shift in [0, 1, 5] {
                    var out = [UInt8](repeating: 0x5A, count: count * width + shift + 1)
                    try Self.withShifted(encoded, shift: shift, tail: 0) { input in
                        try out.withUnsafeMutableBytes {
                            try ByteStreamSplit.decode(input, width: width, count: count, into: $0.baseAddress! + shift)
                        }
                    }
                    #expect(Array(out[shift..<(shift + count * width)]) == expected, "count \(count) stride \(stride)")
                    #expect(out[count * width + shift] == 0x5A, "wrote past count")
                }
            }
        }
    }

    @Test("DELTA_BINARY_PACKED: every miniblock width, ragged lengths, unaligned input with trailing bytes")
    func deltaWidths() throws {
        var rng = SeededGenerator(seed: 4242)
        for width in 0...64 {
            for count in [1, 2, 33, 128, 129, 161, 300] {
                let spread: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                var v = Int64.random(in: Int64.min...Int64.max, using: &rng)
                let values = (0..<count).map { _ in
                    v = v &+ Int64(bitPattern: rng.next() & spread) &- 12345
                    return v
                }
                var encoded: [UInt8] = []
                values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded) }
                for (shift, tail) in [(0, 0), (3, 9)] {
                    let (decoded, consumed) = try Self.withShifted(encoded, shift: shift, tail: tail) {
                        try DeltaBinaryPacked.decodeInt64($0)
                    }
                    #expect(decoded == values, "width \(width) count \(count)")
                    #expect(consumed == encoded.count)
                }
                let narrow = values.map { Int32(truncatingIfNeeded: $0) }
                var encoded32: [UInt8] = []
                narrow.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded32) }
                let (decoded32, _) = try Self.withShifted(encoded32, shift: 1, tail: 0) { try DeltaBinaryPacked.decodeInt32($0) }
                #expect(decoded32 == narrow)
            }
        }
    }

    @Test("DELTA_BINARY_PACKED: blocks mixing miniblock widths (0 beside wide ones, 64)")
    func deltaMixedWidths() throws {
        var rng = SeededGenerator(seed: 777)
        let patterns: [[Int]] = [[0, 64, 5, 33], [31, 0, 0, 1], [64, 64, 0, 17], [2, 3, 62, 0]]
        var values: [Int64] = [0]
        for round in 0..<12 {
            for width in patterns[round % patterns.count] {
                let spread: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                for _ in 0..<32 {
                    values.append(values[values.count - 1] &+ Int64(bitPattern: width == 0 ? 0 : rng.next() & spread))
                }
            }
        }
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded) }
        for (shift, tail) in [(0, 0), (5, 3), (2, 40)] {
            let (decoded, consumed) = try Self.withShifted(encoded, shift: shift, tail: tail) { try DeltaBinaryPacked.decodeInt64($0) }
            #expect(decoded == values)
            #expect(consumed == encoded.count)
        }
    }
}
