import Testing
@testable import Parquet

@Suite("Decoders on random and mutated input")
struct EncodingFuzzTests {
    /// Runs every decoder on `bytes`; each must return or throw, never trap.
    func decodeAll(_ bytes: [UInt8], count: Int) {
        bytes.withUnsafeBytes { input in
            var u32 = [UInt32](repeating: 0, count: count)
            var i64 = [Int64](repeating: 0, count: count)
            var i32 = [Int32](repeating: 0, count: count)
            var raw = [UInt8](repeating: 0, count: count * 12)
            var offsets: [Int64] = [0]
            var data: [UInt8] = []
            for width in [0, 1, 3, 8, 13, 32] {
                _ = try? u32.withUnsafeMutableBufferPointer { try RLEHybrid.decode(input, bitWidth: width, count: count, into: $0) }
                _ = try? u32.withUnsafeMutableBufferPointer { try RLEHybrid.decodeLengthPrefixed(input, bitWidth: width, count: count, into: $0) }
            }
            _ = try? u32.withUnsafeMutableBufferPointer { try DictionaryEncoding.decodeIndices(input, count: count, into: $0) }
            _ = try? i64.withUnsafeMutableBufferPointer { try DeltaBinaryPacked.decode(input, into: $0) }
            _ = try? i32.withUnsafeMutableBufferPointer { try DeltaBinaryPacked.decode(input, into: $0) }
            _ = try? DeltaLengthByteArray.decode(input, count: count, offsets: &offsets, bytes: &data)
            _ = try? DeltaByteArray.decode(input, count: count, offsets: &offsets, bytes: &data)
            _ = try? PlainEncoding.decodeByteArrays(input, count: count, offsets: &offsets, bytes: &data)
            _ = try? raw.withUnsafeMutableBufferPointer { try PlainEncoding.decodeBooleans(input, count: count, into: $0) }
            _ = try? raw.withUnsafeMutableBytes { try PlainEncoding.decodeFixed(input, count: count, width: 12, into: $0.baseAddress!) }
            _ = try? raw.withUnsafeMutableBytes { try ByteStreamSplit.decode(input, width: 8, count: count, into: $0.baseAddress!) }
        }
    }

    @Test("random bytes", arguments: 0..<8)
    func randomBytes(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 977 &+ 1)
        for _ in 0..<300 {
            let length = Int.random(in: 0...64, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            decodeAll(bytes, count: Int.random(in: 0...40, using: &rng))
        }
    }

    @Test("mutated valid streams")
    func mutated() {
        var rng = SeededGenerator(seed: 4242)
        var valid: [[UInt8]] = []
        var out: [UInt8] = []
        let ints = (0..<200).map { _ in Int64.random(in: -1_000_000...1_000_000, using: &rng) }
        ints.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &out) }
        valid.append(out)
        out = []
        (0..<200).map { UInt32($0 % 7) }.withUnsafeBufferPointer { RLEHybrid.encodeLengthPrefixed($0, bitWidth: 3, into: &out) }
        valid.append(out)
        let (o, b) = offsetsAndBytes((0..<50).map { "value-\($0 % 9)-\($0)" })
        out = []
        o.withUnsafeBufferPointer { op in b.withUnsafeBytes { _ = try? DeltaByteArray.encode(offsets: op, bytes: $0, into: &out) } }
        valid.append(out)
        for stream in valid {
            for _ in 0..<300 {
                var bytes = stream
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                if Bool.random(using: &rng) { bytes.removeLast(Int.random(in: 0...min(8, bytes.count), using: &rng)) }
                decodeAll(bytes, count: 200)
            }
        }
    }
}
