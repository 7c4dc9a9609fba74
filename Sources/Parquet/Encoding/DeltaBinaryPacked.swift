// DELTA_BINARY_PACKED (Encoding 5) for INT32 (arithmetic wraps at 32 bits) and INT64.
//
//     public enum DeltaBinaryPacked {
//         struct Header { blockSize, miniblocksPerBlock, totalValueCount: Int; firstValue: Int64 }
//         static func readHeader(_ input: UnsafeRawBufferPointer) throws -> Header
//         // Decodes all `header.totalValueCount` values; `output` must hold at least that many.
//         static func decode(_ input: UnsafeRawBufferPointer,
//                            into output: UnsafeMutableBufferPointer<Int32>) throws -> DecodeResult
//         static func decode(_ input: UnsafeRawBufferPointer,
//                            into output: UnsafeMutableBufferPointer<Int64>) throws -> DecodeResult
//         // Convenience: allocates.
//         static func decodeInt32(_ input: UnsafeRawBufferPointer) throws -> (values: [Int32], bytesConsumed: Int)
//         static func decodeInt64(_ input: UnsafeRawBufferPointer) throws -> (values: [Int64], bytesConsumed: Int)
//         static func encode(_ values: UnsafeBufferPointer<Int32>, into out: inout [UInt8])
//         static func encode(_ values: UnsafeBufferPointer<Int64>, into out: inout [UInt8])
//     }

/// The DELTA_BINARY_PACKED encoding.
public enum DeltaBinaryPacked {
    /// The largest block size accepted when decoding (guards against absurd allocations).
    public static let maxBlockSize = 1 << 16

    /// The stream header.
    public struct Header: Sendable, Equatable {
        /// Values per block (a multiple of 128).
        public var blockSize: Int
        /// Miniblocks per block (`blockSize / miniblocksPerBlock` is a multiple of 32).
        public var miniblocksPerBlock: Int
        /// Number of values in the stream.
        public var totalValueCount: Int
        /// The first value (sign-extended).
        public var firstValue: Int64
        /// Bytes the header occupies.
        public var byteCount: Int
    }

    /// What a decode produced.
    public struct DecodeResult: Sendable, Equatable {
        /// Values written to the output.
        public var valueCount: Int
        /// Bytes of input consumed, so that a following section can start there.
        public var bytesConsumed: Int
    }

    /// Reads and validates the header at the start of `input`.
    public static func readHeader(_ input: UnsafeRawBufferPointer) throws -> Header {
        var cursor = EncodingCursor(input)
        let blockSize = try cursor.readCount(limit: maxBlockSize, what: "DELTA block size")
        let miniblocks = try cursor.readCount(limit: maxBlockSize, what: "DELTA miniblock count")
        let total = try cursor.readCount(limit: Int(Int32.max), what: "DELTA value count")
        let first = try cursor.readZigZag()
        guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0,
              (blockSize / miniblocks) % 32 == 0
        else {
            throw ParquetError(.corruptData, "invalid DELTA layout: block \(blockSize), miniblocks \(miniblocks)")
        }
        if total > 1 {
            let blocks = (total - 2) / blockSize + 1
            guard blocks <= cursor.remaining / (1 + miniblocks) else {
                throw ParquetError(.corruptData, "DELTA stream claims \(total) values but holds \(cursor.remaining) bytes")
            }
        }
        return Header(blockSize: blockSize, miniblocksPerBlock: miniblocks, totalValueCount: total,
                      firstValue: first, byteCount: cursor.position)
    }

    /// Decodes an INT32 stream (deltas wrap at 32 bits) into `output`.
    public static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<Int32>) throws -> DecodeResult {
        try decodeGeneric(input, maxWidth: 32, into: output)
    }

    /// Decodes an INT64 stream into `output`.
    public static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<Int64>) throws -> DecodeResult {
        try decodeGeneric(input, maxWidth: 64, into: output)
    }

    /// Decodes an INT32 stream into a new array of at most `limit` values.
    ///
    /// - Throws: ``ParquetError`` when the stream is malformed or declares more than `limit` values,
    ///   so that a corrupt header cannot make the decoder allocate far beyond its input.
    public static func decodeInt32(
        _ input: UnsafeRawBufferPointer, limit: Int = Int(Int32.max)
    ) throws -> (values: [Int32], bytesConsumed: Int) {
        try decodeAllocating(input, as: Int32.self, limit: limit)
    }

    /// Decodes an INT64 stream into a new array of at most `limit` values.
    ///
    /// - Throws: ``ParquetError`` when the stream is malformed or declares more than `limit` values.
    public static func decodeInt64(
        _ input: UnsafeRawBufferPointer, limit: Int = Int(Int32.max)
    ) throws -> (values: [Int64], bytesConsumed: Int) {
        try decodeAllocating(input, as: Int64.self, limit: limit)
    }

    static func decodeAllocating<T: FixedWidthInteger & SignedInteger>(
        _ input: UnsafeRawBufferPointer, as: T.Type, limit: Int
    ) throws -> (values: [T], bytesConsumed: Int) {
        let header = try readHeader(input)
        guard header.totalValueCount <= limit else {
            throw ParquetError(.corruptData, "DELTA stream declares \(header.totalValueCount) values, at most \(limit) expected")
        }
        // Every value after the first costs at least one bit of input or a block header, so a
        // count far beyond what the input could hold is still bounded by Int32.max (checked above).
        var consumed = 0
        let values = try [T](unsafeUninitializedCapacity: header.totalValueCount) { buffer, count in
            let result = try decodeGeneric(input, maxWidth: T.bitWidth, into: buffer)
            count = result.valueCount
            consumed = result.bytesConsumed
        }
        return (values, consumed)
    }

    static func decodeGeneric<T: FixedWidthInteger & SignedInteger>(
        _ input: UnsafeRawBufferPointer, maxWidth: Int, into output: UnsafeMutableBufferPointer<T>
    ) throws -> DecodeResult {
        let header = try readHeader(input)
        let total = header.totalValueCount
        guard total <= output.count else {
            throw ParquetError(.corruptData, "DELTA stream holds \(total) values, room for \(output.count)")
        }
        guard total > 0, let dst = output.baseAddress else {
            return DecodeResult(valueCount: 0, bytesConsumed: header.byteCount)
        }
        var cursor = EncodingCursor(input, position: header.byteCount)
        let perMini = header.blockSize / header.miniblocksPerBlock
        let miniblocks = header.miniblocksPerBlock
        var last = UInt64(bitPattern: header.firstValue)
        dst[0] = T(truncatingIfNeeded: last)
        var produced = 1
        while produced < total {
            let minDelta = UInt64(bitPattern: try cursor.readZigZag())
            guard cursor.remaining >= miniblocks, let base = input.baseAddress else {
                throw ParquetError(.corruptData, "DELTA miniblock widths are truncated")
            }
            let widths = base + cursor.position
            cursor.position += miniblocks
            var m = 0
            // A whole block whose miniblocks are all valid and followed by 8 bytes goes in one call.
            if total &- produced >= header.blockSize {
                var bits = 0
                var widest = 0
                for j in 0..<miniblocks {
                    let width = Int(widths.load(fromByteOffset: j, as: UInt8.self))
                    bits &+= width
                    widest = max(widest, width)
                }
                let blockBytes = (perMini &>> 3) &* bits
                if widest <= maxWidth && blockBytes &+ 8 <= cursor.remaining {
                    last = unpackBlock(base + cursor.position, widths: widths, miniblocks: miniblocks, groups: perMini &>> 3,
                                       minDelta: minDelta, previous: last, into: dst + produced)
                    produced &+= header.blockSize
                    cursor.position &+= blockBytes
                    continue
                }
            }
            while m < miniblocks && produced < total {
                let width = Int(widths.load(fromByteOffset: m, as: UInt8.self))
                m += 1
                guard width <= maxWidth else {
                    throw ParquetError(.corruptData, "DELTA miniblock bit width \(width) exceeds \(maxWidth)")
                }
                // perMini is a multiple of 32, so a full miniblock is a whole number of bytes and groups.
                let fullBytes = (perMini &* width) &>> 3
                let remaining = cursor.remaining
                let out = dst + produced
                if total &- produced >= perMini && width > 0 && fullBytes &+ 8 <= remaining {
                    last = unpackGroups(base + cursor.position, groups: perMini &>> 3, width: width,
                                        minDelta: minDelta, previous: last, into: out)
                    produced &+= perMini
                    cursor.position &+= fullBytes
                    continue
                }
                let n = min(perMini, total - produced)
                let needed = BitPacking.byteCount(values: n, bitWidth: width)
                guard needed <= remaining else {
                    throw ParquetError(.corruptData, "DELTA miniblock needs \(needed) bytes, \(remaining) left")
                }
                let src = UnsafeRawBufferPointer(rebasing: input[cursor.position...])
                last = unpackDeltas(src, width: width, count: n, minDelta: minDelta, previous: last, into: out)
                produced += n
                cursor.position += min(fullBytes, remaining)
            }
        }
        return DecodeResult(valueCount: total, bytesConsumed: cursor.position)
    }

    /// Unpacks a whole block of `miniblocks` miniblocks of `groups` groups of 8 deltas, with bit
    /// widths (0...64) at `widths`, from `src` (followed by 8 readable bytes); accumulates them
    /// like `unpackDeltas`.
    @inline(never)
    static func unpackBlock<T: FixedWidthInteger>(
        _ src: UnsafeRawPointer, widths: UnsafeRawPointer, miniblocks: Int, groups: Int, minDelta: UInt64,
        previous: UInt64, into dst: UnsafeMutablePointer<T>
    ) -> UInt64 {
        var value = previous
        var p = src
        var out = dst
        for m in 0..<miniblocks {
            let width = Int(widths.load(fromByteOffset: m, as: UInt8.self))
            if width == 0 {
                for k in 0..<(groups &* 8) {
                    value &+= minDelta
                    out[k] = T(truncatingIfNeeded: value)
                }
            } else {
                let o = out
                BitPacking.groups(p, count: groups, bitWidth: width, first: 0) { k, delta in
                    value &+= delta &+ minDelta
                    o[k] = T(truncatingIfNeeded: value)
                }
            }
            p += groups &* width
            out += groups &* 8
        }
        return value
    }

    /// Unpacks `groups` groups of 8 deltas of `width` bits (1...64) at `src`, which must be followed
    /// by 8 readable bytes, and accumulates them like `unpackDeltas`.
    @inline(never)
    static func unpackGroups<T: FixedWidthInteger>(
        _ src: UnsafeRawPointer, groups: Int, width: Int, minDelta: UInt64, previous: UInt64,
        into dst: UnsafeMutablePointer<T>
    ) -> UInt64 {
        var value = previous
        BitPacking.groups(src, count: groups, bitWidth: width, first: 0) { k, delta in
            value &+= delta &+ minDelta
            dst[k] = T(truncatingIfNeeded: value)
        }
        return value
    }

    /// Unpacks `count` deltas of `width` bits from the start of `src`, adds `minDelta` to each and
    /// accumulates them from `previous` into `dst`; returns the last value.
    ///
    /// `src` must hold the miniblock's bytes; bytes past them (the next miniblocks) may follow.
    @inline(never)
    static func unpackDeltas<T: FixedWidthInteger>(
        _ src: UnsafeRawBufferPointer, width: Int, count: Int, minDelta: UInt64, previous: UInt64,
        into dst: UnsafeMutablePointer<T>
    ) -> UInt64 {
        var value = previous
        guard width > 0, let base = src.baseAddress else {
            for k in 0..<count {
                value &+= minDelta
                dst[k] = T(truncatingIfNeeded: value)
            }
            return value
        }
        BitPacking.forEachValue(base, available: src.count, bitWidth: width, count: count) { k, delta in
            value &+= delta &+ minDelta
            dst[k] = T(truncatingIfNeeded: value)
        }
        return value
    }

    /// Appends `values` as an INT32 stream (block 128, 4 miniblocks of 32).
    public static func encode(_ values: UnsafeBufferPointer<Int32>, into out: inout [UInt8]) {
        encodeGeneric(values, into: &out)
    }

    /// Appends `values` as an INT64 stream (block 128, 4 miniblocks of 32).
    public static func encode(_ values: UnsafeBufferPointer<Int64>, into out: inout [UInt8]) {
        encodeGeneric(values, into: &out)
    }

    static func encodeGeneric<T: FixedWidthInteger & SignedInteger>(
        _ values: UnsafeBufferPointer<T>, into out: inout [UInt8]
    ) {
        let blockSize = 128
        let miniblocks = 4
        let perMini = blockSize / miniblocks
        appendVarUInt(UInt64(blockSize), to: &out)
        appendVarUInt(UInt64(miniblocks), to: &out)
        appendVarUInt(UInt64(values.count), to: &out)
        guard let first = values.first else {
            appendZigZag(0, to: &out)
            return
        }
        appendZigZag(Int64(first), to: &out)
        // Room for the widest case (every delta at the type's full width) avoids regrowth.
        out.reserveCapacity(out.count + values.count * MemoryLayout<T>.size + (values.count / blockSize + 1) * 16)
        withUnsafeTemporaryAllocation(of: T.self, capacity: blockSize) { deltas in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: blockSize) { packed in
                var widths: (Int, Int, Int, Int) = (0, 0, 0, 0)
                var index = 1
                while index < values.count {
                    let n = min(blockSize, values.count - index)
                    var minDelta = T.max
                    var previous = values[index - 1]
                    for k in 0..<n {
                        let v = values[index + k]
                        let d = v &- previous
                        previous = v
                        deltas[k] = d
                        if d < minDelta { minDelta = d }
                    }
                    appendZigZag(Int64(minDelta), to: &out)
                    let usedMinis = (n + perMini - 1) / perMini
                    withUnsafeMutableBytes(of: &widths) { w in
                        let slots = w.bindMemory(to: Int.self)
                        for m in 0..<miniblocks {
                            var bits: UInt64 = 0
                            let lo = m * perMini
                            let hi = min(lo + perMini, n)
                            if lo < hi {
                                for k in lo..<hi {
                                    let p = UInt64(truncatingIfNeeded: T.Magnitude(truncatingIfNeeded: deltas[k] &- minDelta))
                                    packed[k] = p
                                    bits |= p
                                }
                            }
                            slots[m] = lo < hi ? bitsNeeded(bits) : 0
                            out.append(UInt8(slots[m]))
                        }
                        for m in 0..<usedMinis {
                            let lo = m * perMini
                            let hi = min(lo + perMini, n)
                            BitPacking.pack(UnsafeBufferPointer(rebasing: packed[lo..<hi]), bitWidth: slots[m],
                                            padTo: perMini, into: &out)
                        }
                    }
                    index += n
                }
            }
        }
    }
}
