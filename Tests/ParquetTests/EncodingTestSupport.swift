@testable import Parquet

/// A small deterministic generator (SplitMix64) so encoding tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Decodes an RLE-hybrid stream into a new array.
func rleDecode(_ bytes: [UInt8], bitWidth: Int, count: Int, prefixed: Bool = false) throws -> (values: [UInt32], consumed: Int) {
    var out = [UInt32](repeating: 0, count: count)
    let consumed = try bytes.withUnsafeBytes { input in
        try out.withUnsafeMutableBufferPointer { buffer in
            prefixed
                ? try RLEHybrid.decodeLengthPrefixed(input, bitWidth: bitWidth, count: count, into: buffer)
                : try RLEHybrid.decode(input, bitWidth: bitWidth, count: count, into: buffer)
        }
    }
    return (out, consumed)
}

/// Encodes values with the RLE hybrid into a new array.
func rleEncode(_ values: [UInt32], bitWidth: Int, prefixed: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    values.withUnsafeBufferPointer {
        prefixed
            ? RLEHybrid.encodeLengthPrefixed($0, bitWidth: bitWidth, into: &out)
            : RLEHybrid.encode($0, bitWidth: bitWidth, into: &out)
    }
    return out
}

/// Splits `strings` into 64-bit offsets and bytes.
func offsetsAndBytes(_ strings: [String]) -> (offsets: [Int64], bytes: [UInt8]) {
    var offsets: [Int64] = [0]
    var bytes: [UInt8] = []
    for s in strings {
        bytes.append(contentsOf: Array(s.utf8))
        offsets.append(Int64(bytes.count))
    }
    return (offsets, bytes)
}

/// Rebuilds strings from 64-bit offsets and bytes.
func strings(offsets: [Int64], bytes: [UInt8]) -> [String] {
    (0..<(offsets.count - 1)).map { i in
        String(decoding: bytes[Int(offsets[i])..<Int(offsets[i + 1])], as: UTF8.self)
    }
}
