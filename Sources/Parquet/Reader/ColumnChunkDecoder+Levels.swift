/// Repetition and definition levels of data pages, appended to the chunk as bytes.
///
/// Definition levels of a flat leaf (no repetition) stay unmaterialised while every entry holds a
/// value: `DecodedChunk.definitionLevels` empty means "all at the maximum". The first page with a
/// null pads the levels of the earlier entries before appending its own.
extension ColumnChunkDecoder {
    /// Decodes and appends one page's `count` repetition levels; returns the bytes consumed.
    mutating func appendRepetitionLevels(_ data: UnsafeRawBufferPointer, count: Int, encoding: Encoding?) throws -> Int {
        let max = descriptor.maxRepetitionLevel
        let consumed = try decodeLevels(data, count: count, max: max, encoding: encoding)
        let result = levelScratch.withUnsafeBufferPointer {
            Self.narrow(UnsafeBufferPointer(rebasing: $0[0..<count]), into: &chunk.repetitionLevels, max: UInt32(max))
        }
        if result.bad { throw ParquetError(.corruptData, "repetition level above the maximum \(max)") }
        return consumed
    }

    /// Decodes and appends one page's `count` definition levels; returns the bytes consumed and
    /// how many entries hold a value.
    mutating func appendDefinitionLevels(
        _ data: UnsafeRawBufferPointer, count: Int, encoding: Encoding?
    ) throws -> (consumed: Int, present: Int) {
        let max = descriptor.maxDefinitionLevel
        let width = Int.bitWidth - max.leadingZeroBitCount
        if descriptor.maxRepetitionLevel == 0, let consumed = Self.allAtMax(data, width: width, count: count, max: max, encoding: encoding) {
            if !chunk.definitionLevels.isEmpty {
                chunk.definitionLevels.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: max), count: count))
            }
            return (consumed, count)
        }
        let consumed = try decodeLevels(data, count: count, max: max, encoding: encoding)
        if descriptor.maxRepetitionLevel == 0, chunk.definitionLevels.count < chunk.entryCount {
            chunk.definitionLevels.reserveCapacity(Swift.max(chunk.reservedEntries, chunk.entryCount + count))
            chunk.definitionLevels.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: max),
                                                                    count: chunk.entryCount - chunk.definitionLevels.count))
        }
        let result = levelScratch.withUnsafeBufferPointer {
            Self.narrow(UnsafeBufferPointer(rebasing: $0[0..<count]), into: &chunk.definitionLevels, max: UInt32(max))
        }
        if result.bad { throw ParquetError(.corruptData, "definition level above the maximum \(max)") }
        return (consumed, result.atMax)
    }

    /// The bytes the level section occupies when its first `count` levels are all `max`.
    private static func allAtMax(_ data: UnsafeRawBufferPointer, width: Int, count: Int, max: Int, encoding: Encoding?) -> Int? {
        switch encoding {
        case nil: LevelRuns.allEqual(data, bitWidth: width, count: count, level: max) ? 0 : nil
        case .rle?: LevelRuns.allEqualPrefixed(data, bitWidth: width, count: count, level: max)
        default: nil
        }
    }

    /// Decodes `count` levels into `levelScratch`; returns the bytes consumed.
    ///
    /// - Parameter encoding: a v1 page's level encoding (RLE with a length prefix, or the
    ///   deprecated MSB-first BIT_PACKED); `nil` for v2 pages (RLE without a prefix).
    private mutating func decodeLevels(_ data: UnsafeRawBufferPointer, count: Int, max: Int, encoding: Encoding?) throws -> Int {
        let width = Int.bitWidth - max.leadingZeroBitCount
        if levelScratch.count < count { levelScratch = [UInt32](repeating: 0, count: count) }
        return try levelScratch.withUnsafeMutableBufferPointer { all in
            let out = UnsafeMutableBufferPointer(rebasing: all[0..<count])
            switch encoding {
            case nil: return try RLEHybrid.decode(data, bitWidth: width, count: count, into: out)
            case .rle?: return try RLEHybrid.decodeLengthPrefixed(data, bitWidth: width, count: count, into: out)
            case .bitPacked?: return try Self.unpackMSBFirst(data, bitWidth: width, into: out)
            case let other?: throw ParquetError(.unsupported, "level encoding \(other) is not supported")
            }
        }
    }

    /// Decodes the deprecated BIT_PACKED level encoding: values packed from the most significant
    /// bit of each byte, no header; returns the bytes consumed.
    static func unpackMSBFirst(_ data: UnsafeRawBufferPointer, bitWidth: Int, into out: inout [UInt32]) throws -> Int {
        try out.withUnsafeMutableBufferPointer { try unpackMSBFirst(data, bitWidth: bitWidth, into: $0) }
    }

    private static func unpackMSBFirst(
        _ data: UnsafeRawBufferPointer, bitWidth: Int, into out: UnsafeMutableBufferPointer<UInt32>
    ) throws -> Int {
        let (bits, overflow) = out.count.multipliedReportingOverflow(by: bitWidth)
        let bytes = (bits + 7) / 8
        guard !overflow, bytes <= data.count else {
            throw ParquetError(.corruptData, "BIT_PACKED levels need \(bytes) bytes, \(data.count) available")
        }
        var bit = 0
        for i in 0..<out.count {
            var value: UInt32 = 0
            for _ in 0..<bitWidth {
                value = value << 1 | UInt32((data[bit >> 3] >> (7 - UInt8(bit & 7))) & 1)
                bit += 1
            }
            out[i] = value
        }
        return bytes
    }

    /// Appends levels narrowed to bytes; returns whether any exceeded `max` and how many equal it.
    private static func narrow(
        _ levels: UnsafeBufferPointer<UInt32>, into out: inout [UInt8], max: UInt32
    ) -> (bad: Bool, atMax: Int) {
        var bad = false
        var atMax = 0
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: levels.count))
        out.withUnsafeMutableBufferPointer { dst in
            for i in 0..<levels.count {
                let level = levels[i]
                bad = bad || level > max
                atMax &+= level == max ? 1 : 0
                dst[start + i] = UInt8(truncatingIfNeeded: level)
            }
        }
        return (bad, atMax)
    }
}
