import Testing
@testable import Parquet

@Suite("RLE / bit-packed hybrid")
struct EncodingRLETests {
    @Test("spec example: bit width 3, values 0...7 bit-packed")
    func specBitPackedExample() throws {
        // One group of 8 values: header (1 << 1) | 1 = 3, then 88 C6 FA.
        let bytes: [UInt8] = [0x03, 0x88, 0xC6, 0xFA]
        let (values, consumed) = try rleDecode(bytes, bitWidth: 3, count: 8)
        #expect(values == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(consumed == 4)
        #expect(rleEncode(Array(0...7), bitWidth: 3) == bytes)
    }

    @Test("pyarrow one-entry dictionary indices: 01 08 00")
    func singleEntryDictionary() throws {
        let bytes: [UInt8] = [0x01, 0x08, 0x00]
        var out = [UInt32](repeating: 9, count: 4)
        let consumed = try bytes.withUnsafeBytes { input in
            try out.withUnsafeMutableBufferPointer {
                try DictionaryEncoding.decodeIndices(input, count: 4, into: $0)
            }
        }
        #expect(out == [0, 0, 0, 0])
        #expect(consumed == 3)
    }

    @Test("runs over-covering the requested count stop at the count")
    func overCoverage() throws {
        // 24 values bit-packed (3 groups) at width 1, only 20 wanted.
        let values = (0..<24).map { UInt32($0 % 2) }
        let encoded = rleEncode(values, bitWidth: 1)
        let (decoded, consumed) = try rleDecode(encoded, bitWidth: 1, count: 20)
        #expect(decoded == Array(values.prefix(20)))
        #expect(consumed == encoded.count)
    }

    @Test("round trips at every bit width 0...32", arguments: 0...32)
    func roundTrip(bitWidth: Int) throws {
        var rng = SeededGenerator(seed: UInt64(bitWidth) + 1)
        let maxValue: UInt64 = bitWidth == 0 ? 0 : (1 << UInt64(bitWidth)) - 1
        for count in [0, 1, 7, 8, 9, 100, 1000] {
            // Mix of runs and noise so both run kinds appear.
            var values: [UInt32] = []
            while values.count < count {
                let v = UInt32(UInt64.random(in: 0...maxValue, using: &rng))
                let repeats = Bool.random(using: &rng) ? Int.random(in: 1...20, using: &rng) : 1
                values.append(contentsOf: repeatElement(v, count: min(repeats, count - values.count)))
            }
            values.append(contentsOf: [UInt32](repeating: UInt32(maxValue), count: bitWidth % 3 == 0 ? 0 : 9))
            let encoded = rleEncode(values, bitWidth: bitWidth)
            let (decoded, consumed) = try rleDecode(encoded, bitWidth: bitWidth, count: values.count)
            #expect(decoded == values)
            #expect(consumed == encoded.count)
            let prefixed = rleEncode(values, bitWidth: bitWidth, prefixed: true)
            let (decoded2, consumed2) = try rleDecode(prefixed, bitWidth: bitWidth, count: values.count, prefixed: true)
            #expect(decoded2 == values)
            #expect(consumed2 == prefixed.count)
        }
    }

    @Test("bit width 0 writes a run header and decodes zeros")
    func widthZero() throws {
        let encoded = rleEncode([0, 0, 0, 0, 0], bitWidth: 0)
        #expect(encoded == [0x0A])
        #expect(try rleDecode(encoded, bitWidth: 0, count: 5).values == [0, 0, 0, 0, 0])
    }

    @Test("long repeats become a single RLE run")
    func runIsCompact() {
        let encoded = rleEncode([UInt32](repeating: 1, count: 10_000), bitWidth: 1)
        #expect(encoded.count == 4) // 3-byte varint header + 1 value byte
    }

    @Test("malformed streams throw")
    func malformed() {
        // Truncated bit-packed run.
        #expect(throws: ParquetError.self) { try rleDecode([0x03, 0x88], bitWidth: 3, count: 8) }
        // Stream ends before the count is reached.
        #expect(throws: ParquetError.self) { try rleDecode([0x04, 0x01], bitWidth: 1, count: 5) }
        // Width out of range.
        #expect(throws: ParquetError.self) { try rleDecode([0x02, 0, 0, 0, 0, 0], bitWidth: 33, count: 1) }
        // RLE value wider than the bit width.
        #expect(throws: ParquetError.self) { try rleDecode([0x02, 0x05], bitWidth: 2, count: 1) }
        // Length prefix larger than the buffer.
        #expect(throws: ParquetError.self) { try rleDecode([0xFF, 0, 0, 0, 0x02, 0x01], bitWidth: 1, count: 1, prefixed: true) }
        // Unterminated varint header.
        #expect(throws: ParquetError.self) { try rleDecode([0xFF, 0xFF], bitWidth: 1, count: 1) }
        // Dictionary width byte above 32.
        #expect(throws: ParquetError.self) {
            var out = [UInt32](repeating: 0, count: 1)
            _ = try [UInt8]([33, 2, 0]).withUnsafeBytes { input in
                try out.withUnsafeMutableBufferPointer { try DictionaryEncoding.decodeIndices(input, count: 1, into: $0) }
            }
        }
    }

    @Test("huge run headers are clamped, not trusted")
    func hugeHeaders() throws {
        // Bit-packed header claiming 2^60 groups at width 0, then RLE run claiming 2^62 values.
        var bytes: [UInt8] = []
        appendVarUInt((UInt64(1) << 60) << 1 | 1, to: &bytes)
        #expect(try rleDecode(bytes, bitWidth: 0, count: 5).values == [0, 0, 0, 0, 0])
        bytes = []
        appendVarUInt((UInt64(1) << 62) << 1, to: &bytes)
        bytes.append(1)
        #expect(try rleDecode(bytes, bitWidth: 1, count: 3).values == [1, 1, 1])
    }
}
