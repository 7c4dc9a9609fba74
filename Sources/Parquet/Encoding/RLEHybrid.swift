// The RLE / bit-packing hybrid (Encoding RLE = 3): definition and repetition levels,
// dictionary indices and RLE booleans.
//
//     public enum RLEHybrid {
//         // Decode exactly `count` values; returns the bytes consumed (up to the end of the last run read).
//         static func decode(_ input: UnsafeRawBufferPointer, bitWidth: Int, count: Int,
//                            into output: UnsafeMutableBufferPointer<UInt32>) throws -> Int
//         // Same, after a 4-byte little-endian length prefix; returns 4 + that length.
//         static func decodeLengthPrefixed(_ input: UnsafeRawBufferPointer, bitWidth: Int, count: Int,
//                                          into output: UnsafeMutableBufferPointer<UInt32>) throws -> Int
//         static func encode(_ values: UnsafeBufferPointer<UInt32 or UInt8>, bitWidth: Int, into out: inout [UInt8])
//         static func encodeLengthPrefixed(_ values: UnsafeBufferPointer<UInt32 or UInt8>, bitWidth: Int, into out: inout [UInt8])
//     }

/// The RLE / bit-packing hybrid encoding (Parquet `RLE`).
public enum RLEHybrid {
    /// Decodes exactly `count` values of `bitWidth` bits (0...32) from a hybrid stream with no
    /// length prefix.
    ///
    /// Runs may cover more than `count` values; decoding stops at `count`.
    /// - Returns: the bytes consumed, up to the end of the last run read.
    /// - Throws: `ParquetError(.corruptData)` when the stream ends early, the width is out of range,
    ///   or `output` holds fewer than `count` elements.
    public static func decode(
        _ input: UnsafeRawBufferPointer, bitWidth: Int, count: Int,
        into output: UnsafeMutableBufferPointer<UInt32>
    ) throws -> Int {
        guard bitWidth >= 0, bitWidth <= 32 else {
            throw ParquetError(.corruptData, "RLE bit width \(bitWidth) is outside 0...32")
        }
        guard count >= 0, count <= output.count else {
            throw ParquetError(.invalidArgument, "RLE output holds \(output.count) values, \(count) requested")
        }
        guard count > 0, let dst = output.baseAddress else { return 0 }
        var cursor = EncodingCursor(input)
        var produced = 0
        let valueBytes = (bitWidth + 7) / 8
        let maxValue: UInt32 = bitWidth == 32 ? .max : (1 << UInt32(bitWidth)) - 1
        while produced < count {
            let header = try cursor.readVarUInt()
            let wanted = count - produced
            if header & 1 == 1 {
                let groups = header >> 1
                let runValues = groups > UInt64(Int.max / 64) ? Int.max : Int(groups) * 8
                let take = min(runValues, wanted)
                let runBytes = bitWidth == 0 || groups > UInt64(cursor.remaining)
                    ? (bitWidth == 0 ? 0 : cursor.remaining)
                    : min(Int(groups) * bitWidth, cursor.remaining)
                let needed = BitPacking.byteCount(values: take, bitWidth: bitWidth)
                guard needed <= cursor.remaining else {
                    throw ParquetError(.corruptData, "RLE bit-packed run needs \(needed) bytes, \(cursor.remaining) left")
                }
                let slice = UnsafeRawBufferPointer(rebasing: input[cursor.position...])
                BitPacking.unpack(slice, bitWidth: bitWidth, count: take, into: dst + produced)
                // A final run may be cut short after its last needed byte.
                cursor.position += runBytes
                produced += take
            } else {
                let runLength = header >> 1
                var value: UInt32 = 0
                for i in 0..<valueBytes {
                    value |= UInt32(try cursor.readByte()) << UInt32(8 * i)
                }
                guard value <= maxValue else {
                    throw ParquetError(.corruptData, "RLE run value \(value) exceeds bit width \(bitWidth)")
                }
                let take = runLength > UInt64(wanted) ? wanted : Int(runLength)
                (dst + produced).initialize(repeating: value, count: take)
                produced += take
            }
        }
        return cursor.position
    }

    /// Decodes `count` values after a 4-byte little-endian length prefix (v1 page levels, RLE booleans).
    ///
    /// - Returns: `4 + length`, the bytes the prefixed section occupies.
    public static func decodeLengthPrefixed(
        _ input: UnsafeRawBufferPointer, bitWidth: Int, count: Int,
        into output: UnsafeMutableBufferPointer<UInt32>
    ) throws -> Int {
        guard input.count >= 4 else {
            throw ParquetError(.corruptData, "RLE length prefix is truncated")
        }
        let length = Int(UInt32(littleEndian: input.loadUnaligned(as: UInt32.self)))
        guard length <= input.count - 4 else {
            throw ParquetError(.corruptData, "RLE section of \(length) bytes exceeds the \(input.count - 4) available")
        }
        let body = UnsafeRawBufferPointer(rebasing: input[4..<(4 + length)])
        _ = try decode(body, bitWidth: bitWidth, count: count, into: output)
        return 4 + length
    }

    /// Appends `values` encoded at `bitWidth` bits (0...32): repeats of 8 or more become RLE runs,
    /// the rest bit-packed groups of 8 (the last group zero-padded).
    public static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
        encodeValues(values, bitWidth: bitWidth, into: &out)
    }

    /// Appends byte-sized values (levels) encoded at `bitWidth` bits (0...8).
    public static func encode(_ values: UnsafeBufferPointer<UInt8>, bitWidth: Int, into out: inout [UInt8]) {
        encodeValues(values, bitWidth: bitWidth, into: &out)
    }

    static func encodeValues<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "RLE bit width must be in 0...32")
        let n = values.count
        guard n > 0 else { return }
        if bitWidth == 0 {
            appendVarUInt(UInt64(n) << 1, to: &out)
            return
        }
        let valueBytes = (bitWidth + 7) / 8
        var literalStart = 0
        var i = 0
        while i < n {
            let v = values[i]
            var j = i + 1
            while j < n && values[j] == v { j += 1 }
            var run = j - i
            if run >= 8 {
                let literalCount = i - literalStart
                let pad = (8 - literalCount % 8) % 8
                if literalCount == 0 || run - pad >= 8 {
                    if literalCount > 0 {
                        appendBitPacked(values, literalStart..<(i + pad), bitWidth: bitWidth, into: &out)
                        i += pad
                        run -= pad
                    }
                    appendVarUInt(UInt64(run) << 1, to: &out)
                    let wide = UInt32(truncatingIfNeeded: v)
                    for b in 0..<valueBytes { out.append(UInt8(truncatingIfNeeded: wide >> UInt32(8 * b))) }
                    i += run
                    literalStart = i
                    continue
                }
            }
            i = j
        }
        if literalStart < n {
            appendBitPacked(values, literalStart..<n, bitWidth: bitWidth, into: &out)
        }
    }

    /// Appends a 4-byte little-endian length followed by `encode(values, bitWidth:)`.
    public static func encodeLengthPrefixed(
        _ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: inout [UInt8]
    ) {
        encodePrefixed(values, bitWidth: bitWidth, into: &out)
    }

    /// Appends a 4-byte little-endian length followed by the byte-sized values (levels) encoded.
    public static func encodeLengthPrefixed(
        _ values: UnsafeBufferPointer<UInt8>, bitWidth: Int, into out: inout [UInt8]
    ) {
        encodePrefixed(values, bitWidth: bitWidth, into: &out)
    }

    static func encodePrefixed<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        let lengthAt = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        encodeValues(values, bitWidth: bitWidth, into: &out)
        let length = UInt32(out.count - lengthAt - 4)
        for b in 0..<4 { out[lengthAt + b] = UInt8(truncatingIfNeeded: length >> UInt32(8 * b)) }
    }

    /// Appends one bit-packed run holding `range` of `values`, zero-padded to a multiple of 8.
    static func appendBitPacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, _ range: Range<Int>, bitWidth: Int, into out: inout [UInt8]
    ) {
        let groups = (range.count + 7) / 8
        appendVarUInt(UInt64(groups) << 1 | 1, to: &out)
        BitPacking.pack(UnsafeBufferPointer(rebasing: values[range]), bitWidth: bitWidth, padTo: groups * 8, into: &out)
    }

    /// The bit width needed for values up to `maxValue` (the level bit width for a max level).
    public static func bitWidth(forMaxValue maxValue: UInt64) -> Int {
        bitsNeeded(maxValue)
    }
}
