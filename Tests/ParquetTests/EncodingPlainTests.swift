import Testing
@testable import Parquet

@Suite("PLAIN, dictionary gathers, BYTE_STREAM_SPLIT, bit packing")
struct EncodingPlainTests {
    @Test("PLAIN fixed width round trip and truncation")
    func plainFixed() throws {
        let values: [Double] = [1.5, -0.0, .nan, .infinity, 3]
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoding.encode($0, into: &encoded) }
        #expect(encoded.count == 40)
        var out = [Double](repeating: 0, count: 5)
        let consumed = try encoded.withUnsafeBytes { input in
            try out.withUnsafeMutableBufferPointer { try PlainEncoding.decode(input, count: 5, into: $0) }
        }
        #expect(consumed == 40)
        #expect(out.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(throws: ParquetError.self) {
            _ = try encoded.withUnsafeBytes { input in
                try out.withUnsafeMutableBufferPointer { try PlainEncoding.decode(UnsafeRawBufferPointer(rebasing: input[0..<39]), count: 5, into: $0) }
            }
        }
        // INT96: 12 bytes each.
        var int96 = [UInt8](repeating: 0, count: 24)
        let raw = (0..<24).map { UInt8($0) }
        _ = try raw.withUnsafeBytes { input in
            try int96.withUnsafeMutableBytes { try PlainEncoding.decodeFixed(input, count: 2, width: 12, into: $0.baseAddress!) }
        }
        #expect(int96 == raw)
    }

    @Test("PLAIN booleans: 62 = F,T,F,F,F,T,T,F")
    func plainBooleans() throws {
        let bools: [UInt8] = [0, 1, 0, 0, 0, 1, 1, 0, 1]
        var encoded: [UInt8] = []
        bools.withUnsafeBufferPointer { PlainEncoding.encodeBooleans($0, into: &encoded) }
        #expect(encoded == [0x62, 0x01])
        var out = [UInt8](repeating: 7, count: 9)
        let consumed = try encoded.withUnsafeBytes { input in
            try out.withUnsafeMutableBufferPointer { try PlainEncoding.decodeBooleans(input, count: 9, into: $0) }
        }
        #expect(out == bools)
        #expect(consumed == 2)
        #expect(throws: ParquetError.self) {
            _ = try encoded.withUnsafeBytes { input in
                try out.withUnsafeMutableBufferPointer { try PlainEncoding.decodeBooleans(UnsafeRawBufferPointer(rebasing: input[0..<1]), count: 9, into: $0) }
            }
        }
    }

    @Test("PLAIN byte arrays round trip, appending after earlier data; bad lengths throw")
    func plainByteArrays() throws {
        let input = ["", "héllo", "a", String(repeating: "z", count: 300)]
        let (offsets, bytes) = offsetsAndBytes(input)
        var encoded: [UInt8] = []
        try offsets.withUnsafeBufferPointer { o in
            try bytes.withUnsafeBytes { try PlainEncoding.encodeByteArrays(offsets: o, bytes: $0, into: &encoded) }
        }
        #expect(Array(encoded.prefix(4)) == [0, 0, 0, 0])
        var outOffsets: [Int64] = [0, 2]
        var outBytes: [UInt8] = [0x78, 0x79]
        let consumed = try encoded.withUnsafeBytes {
            try PlainEncoding.decodeByteArrays($0, count: 4, offsets: &outOffsets, bytes: &outBytes)
        }
        #expect(consumed == encoded.count)
        #expect(strings(offsets: outOffsets, bytes: outBytes) == ["xy"] + input)
        let bad: [UInt8] = [5, 0, 0, 0, 0x41]
        #expect(throws: ParquetError.self) {
            var o: [Int64] = [0]
            var b: [UInt8] = []
            _ = try bad.withUnsafeBytes { try PlainEncoding.decodeByteArrays($0, count: 1, offsets: &o, bytes: &b) }
        }
    }

    @Test("dictionary gathers check indices")
    func gathers() throws {
        let dictionary: [Int64] = [10, 20, 30]
        var out = [Int64](repeating: 0, count: 4)
        try [UInt32](arrayLiteral: 2, 0, 1, 2).withUnsafeBufferPointer { idx in
            try dictionary.withUnsafeBufferPointer { d in
                try out.withUnsafeMutableBufferPointer { try DictionaryEncoding.gather(indices: idx, dictionary: d, into: $0) }
            }
        }
        #expect(out == [30, 10, 20, 30])
        #expect(throws: ParquetError.self) {
            try [UInt32](arrayLiteral: 3).withUnsafeBufferPointer { idx in
                try dictionary.withUnsafeBufferPointer { d in
                    try out.withUnsafeMutableBufferPointer { try DictionaryEncoding.gather(indices: idx, dictionary: d, into: $0) }
                }
            }
        }
        let (dOffsets, dBytes) = offsetsAndBytes(["red", "", "blue"])
        var offsets: [Int64] = [0]
        var bytes: [UInt8] = []
        try [UInt32](arrayLiteral: 2, 2, 1, 0).withUnsafeBufferPointer { idx in
            try dOffsets.withUnsafeBufferPointer { o in
                try dBytes.withUnsafeBytes {
                    try DictionaryEncoding.gatherByteArrays(indices: idx, dictionaryOffsets: o, dictionaryBytes: $0,
                                                            offsets: &offsets, bytes: &bytes)
                }
            }
        }
        #expect(strings(offsets: offsets, bytes: bytes) == ["blue", "blue", "", "red"])
        var fixed = [UInt8](repeating: 0, count: 4)
        try [UInt32](arrayLiteral: 1, 0).withUnsafeBufferPointer { idx in
            try [UInt8](arrayLiteral: 1, 2, 3, 4).withUnsafeBytes { d in
                try fixed.withUnsafeMutableBytes { try DictionaryEncoding.gatherFixed(indices: idx, dictionary: d, width: 2, into: $0.baseAddress!) }
            }
        }
        #expect(fixed == [3, 4, 1, 2])
        var indices: [UInt8] = []
        [UInt32](arrayLiteral: 0, 0, 0).withUnsafeBufferPointer { DictionaryEncoding.encodeIndices($0, dictionaryCount: 1, into: &indices) }
        #expect(indices.first == 1)
    }

    @Test("BYTE_STREAM_SPLIT known bytes and round trips for widths 1...16", arguments: [1, 2, 3, 4, 8, 12, 16])
    func byteStreamSplit(width: Int) throws {
        var rng = SeededGenerator(seed: UInt64(width))
        for count in [0, 1, 5, 1000] {
            let raw = (0..<(count * width)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var encoded: [UInt8] = []
            raw.withUnsafeBytes { ByteStreamSplit.encode($0, width: width, into: &encoded) }
            for i in 0..<count { for j in 0..<width { #expect(encoded[j * count + i] == raw[i * width + j]) } }
            var decoded = [UInt8](repeating: 0, count: raw.count + 1)
            try encoded.withUnsafeBytes { input in
                try decoded.withUnsafeMutableBytes { try ByteStreamSplit.decode(input, width: width, count: count, into: $0.baseAddress!) }
            }
            #expect(Array(decoded.prefix(raw.count)) == raw)
        }
        #expect(throws: ParquetError.self) {
            var out = [UInt8](repeating: 0, count: 64)
            try [UInt8](repeating: 0, count: width * 2).withUnsafeBytes { input in
                try out.withUnsafeMutableBytes { try ByteStreamSplit.decode(input, width: width, count: 3, into: $0.baseAddress!) }
            }
        }
    }

    @Test("bit packing round trips at widths 0...64")
    func bitPacking() {
        var rng = SeededGenerator(seed: 99)
        for width in 0...64 {
            let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
            for count in [1, 3, 8, 33, 100] {
                let values = (0..<count).map { _ in rng.next() & mask }
                var packed: [UInt8] = []
                values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: width, into: &packed) }
                #expect(packed.count == BitPacking.byteCount(values: count, bitWidth: width))
                var out = [UInt64](repeating: 1, count: count)
                packed.withUnsafeBytes { src in
                    out.withUnsafeMutableBufferPointer { BitPacking.unpack(src, bitWidth: width, count: count, into: $0.baseAddress!) }
                }
                #expect(out == values, "width \(width) count \(count)")
            }
        }
    }
}
