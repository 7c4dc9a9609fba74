import Testing
@testable import Parquet

@Suite("DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY")
struct EncodingDeltaTests {
    func roundTrip64(_ values: [Int64]) throws {
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded) }
        encoded.append(contentsOf: [0xEE, 0xEE]) // trailing bytes of a following section
        let (decoded, consumed) = try encoded.withUnsafeBytes { try DeltaBinaryPacked.decodeInt64($0) }
        #expect(decoded == values)
        #expect(consumed == encoded.count - 2)
    }

    func roundTrip32(_ values: [Int32]) throws {
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded) }
        let (decoded, consumed) = try encoded.withUnsafeBytes { try DeltaBinaryPacked.decodeInt32($0) }
        #expect(decoded == values)
        #expect(consumed == encoded.count)
    }

    @Test("edge cases: empty, one value, extremes, wrapping deltas")
    func edges() throws {
        try roundTrip64([])
        try roundTrip64([42])
        try roundTrip64([Int64.min, Int64.max, Int64.min, 0, -1, Int64.max])
        try roundTrip64([Int64](repeating: 7, count: 300))
        try roundTrip64(Array((0..<1000).map { Int64($0) * -3 }))
        try roundTrip32([])
        try roundTrip32([Int32.min])
        try roundTrip32([Int32.min, Int32.max, Int32.min, 0, -1, Int32.max, 5])
        try roundTrip32(Array((0..<129).map { Int32($0) }))
    }

    @Test("random round trips", arguments: [1, 31, 32, 33, 127, 128, 129, 4096, 10_000])
    func random(count: Int) throws {
        var rng = SeededGenerator(seed: UInt64(count))
        for bits in [1, 7, 20, 40, 63, 64] {
            let range: ClosedRange<Int64> = bits == 64 ? Int64.min...Int64.max : -(1 << (bits - 1))...((1 << (bits - 1)) - 1)
            try roundTrip64((0..<count).map { _ in Int64.random(in: range, using: &rng) })
            if bits <= 32 {
                let r32 = Int32(clamping: range.lowerBound)...Int32(clamping: range.upperBound)
                try roundTrip32((0..<count).map { _ in Int32.random(in: r32, using: &rng) })
            }
        }
        // Sorted, like _healpix_29.
        var v: Int64 = 1 << 58
        try roundTrip64((0..<count).map { _ in v += Int64.random(in: 0...1_000_000, using: &rng); return v })
    }

    @Test("known bytes: 1, 2, 3, 4, 5 with block 128 / 4 miniblocks")
    func knownBytes() throws {
        var encoded: [UInt8] = []
        [Int32(1), 2, 3, 4, 5].withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &encoded) }
        // header 128, 4, 5, zigzag(1)=2; minDelta zigzag(1)=2; widths 0,0,0,0; no data.
        #expect(encoded == [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0])
    }

    @Test("decodes other layouts: block 256 with 8 miniblocks, padding widths in the last block")
    func otherLayouts() throws {
        // 3 values: first 10, deltas +1, +3 → minDelta 1, packed 0, 2 at width 2, miniblock of 32.
        var bytes: [UInt8] = []
        appendVarUInt(256, to: &bytes); appendVarUInt(8, to: &bytes); appendVarUInt(3, to: &bytes)
        appendZigZag(10, to: &bytes); appendZigZag(1, to: &bytes)
        bytes.append(contentsOf: [2, 99, 99, 99, 99, 99, 99, 99]) // unused widths are arbitrary
        bytes.append(contentsOf: [0b0000_1000] + [UInt8](repeating: 0, count: 7))
        let (decoded, consumed) = try bytes.withUnsafeBytes { try DeltaBinaryPacked.decodeInt64($0) }
        #expect(decoded == [10, 11, 14])
        #expect(consumed == bytes.count)
    }

    @Test("malformed DELTA streams throw")
    func malformed() {
        func decode(_ bytes: [UInt8]) throws { _ = try bytes.withUnsafeBytes { try DeltaBinaryPacked.decodeInt64($0) } }
        #expect(throws: ParquetError.self) { try decode([]) }
        #expect(throws: ParquetError.self) { try decode([100, 4, 1, 0]) } // block not a multiple of 128
        #expect(throws: ParquetError.self) { try decode([0x80, 0x01, 3, 1, 0]) } // miniblock of 128/3
        #expect(throws: ParquetError.self) { try decode([0x80, 0x01, 4, 0xFF, 0xFF, 0xFF, 0x07, 0]) } // huge count, no data
        #expect(throws: ParquetError.self) { try decode([0x80, 0x01, 4, 3, 0, 0, 65, 0, 0, 0]) } // width 65
        #expect(throws: ParquetError.self) { try decode([0x80, 0x01, 4, 3, 0, 0, 8, 0, 0, 0, 1]) } // data truncated
        #expect(throws: ParquetError.self) {
            _ = try [UInt8]([0x80, 0x01, 4, 2, 0, 0, 33, 0, 0, 0] + [UInt8](repeating: 0, count: 200))
                .withUnsafeBytes { try DeltaBinaryPacked.decodeInt32($0) } // width 33 for INT32
        }
    }

    @Test("DELTA_LENGTH_BYTE_ARRAY spec example")
    func deltaLength() throws {
        let input = ["Hello", "World", "Foobar", "ABCDEF"]
        let (offsets, bytes) = offsetsAndBytes(input)
        var encoded: [UInt8] = []
        try offsets.withUnsafeBufferPointer { o in
            try bytes.withUnsafeBytes { try DeltaLengthByteArray.encode(offsets: o, bytes: $0, into: &encoded) }
        }
        #expect(Array(encoded.suffix(22)) == Array("HelloWorldFoobarABCDEF".utf8))
        var outOffsets: [Int64] = [0]
        var outBytes: [UInt8] = []
        let consumed = try encoded.withUnsafeBytes {
            try DeltaLengthByteArray.decode($0, count: 4, offsets: &outOffsets, bytes: &outBytes)
        }
        #expect(consumed == encoded.count)
        #expect(strings(offsets: outOffsets, bytes: outBytes) == input)
    }

    @Test("DELTA_BYTE_ARRAY spec example and random round trip")
    func deltaByteArray() throws {
        for input in [["axis", "axle", "babble", "babyhood"], [], [""], ["a", "", "abc", "abd", "abd", "x"]] {
            let (offsets, bytes) = offsetsAndBytes(input)
            var encoded: [UInt8] = []
            try offsets.withUnsafeBufferPointer { o in
                try bytes.withUnsafeBytes { try DeltaByteArray.encode(offsets: o, bytes: $0, into: &encoded) }
            }
            if input.first == "axis" {
                #expect(Array(encoded.suffix(17)) == Array("axislebabbleyhood".utf8))
            }
            var outOffsets: [Int64] = [0]
            var outBytes: [UInt8] = Array("prefix".utf8)
            outOffsets = [6]
            let consumed = try encoded.withUnsafeBytes {
                try DeltaByteArray.decode($0, count: input.count, offsets: &outOffsets, bytes: &outBytes)
            }
            #expect(consumed == encoded.count)
            #expect(strings(offsets: outOffsets, bytes: outBytes) == input)
        }
    }

    @Test("DELTA_BYTE_ARRAY rejects a prefix longer than the previous value")
    func deltaByteArrayMalformed() {
        var bytes: [UInt8] = []
        [Int32(3)].withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &bytes) } // prefix 3 for the first value
        [Int32(1)].withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &bytes) }
        bytes.append(0x41)
        #expect(throws: ParquetError.self) {
            var o: [Int64] = [0]
            var b: [UInt8] = []
            _ = try bytes.withUnsafeBytes { try DeltaByteArray.decode($0, count: 1, offsets: &o, bytes: &b) }
        }
    }
}
