import Columnar

extension DecodedChunk {
    /// Decodes `count` dense values from a page's values section with the page's encoding.
    mutating func appendValues(
        _ data: UnsafeRawBufferPointer, count: Int, encoding: Encoding, dictionary: DecodedDictionary?
    ) throws {
        guard count > 0 else { return }
        let type = descriptor.physicalType
        if encoding.isDictionary {
            guard let dictionary else {
                throw ParquetError(.corruptData, "dictionary-encoded page without a dictionary page")
            }
            try appendDictionaryValues(data, count: count, dictionary: dictionary)
        } else if encoding == .plain {
            try appendPlain(data, count: count)
        } else if encoding == .rle, type == .boolean {
            let bits = try decodeRLEBooleans(data, count: count)
            appendBools(bits)
        } else if encoding == .deltaBinaryPacked, type == .int32 || type == .int64 {
            try appendDeltaIntegers(data, count: count)
        } else if encoding == .deltaLengthByteArray, type == .byteArray {
            try checkDeltaCount(data)
            var ends: [Int64] = [0]
            var joined: [UInt8] = []
            _ = try DeltaLengthByteArray.decode(data, count: count, offsets: &ends, bytes: &joined)
            try appendByteArrays(ends: ends, bytes: joined)
        } else if encoding == .deltaByteArray, type == .byteArray || type == .fixedLenByteArray {
            try checkDeltaCount(data)
            try appendDeltaByteArrays(data, count: count)
        } else if encoding == .byteStreamSplit, let width = descriptor.storedWidth, type != .int96 {
            try appendFixed(count: count, width: width) { out in
                try ByteStreamSplit.decode(data, width: width, count: count, into: out)
            }
        } else {
            throw ParquetError(.unsupported, "encoding \(encoding) is not supported for \(type) columns")
        }
        valueCount += count
    }

    /// Rejects a DELTA stream whose declared value count exceeds the page limit (the decoders
    /// allocate that many values up front).
    private func checkDeltaCount(_ data: UnsafeRawBufferPointer) throws {
        let header = try DeltaBinaryPacked.readHeader(data)
        guard header.totalValueCount <= maxValuesPerPage else {
            throw ParquetError(.corruptData, "DELTA stream declares \(header.totalValueCount) values, above the page limit")
        }
    }

    private func internalError() -> ParquetError {
        ParquetError(.corruptData, "value storage does not match the column type")
    }

    /// Appends `count * width` bytes written in place by `fill`.
    private mutating func appendFixed(count: Int, width: Int, _ fill: (UnsafeMutableRawPointer) throws -> Void) throws {
        guard case .fixed = storage else { throw internalError() }
        let (total, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow else { throw ParquetError(.corruptData, "value count overflows") }
        try fixed.appendUninitialized(count: total) { out in try fill(UnsafeMutableRawPointer(out.baseAddress!)) }
    }

    private mutating func appendBools(_ bits: [UInt8]) {
        bools.append(contentsOf: bits)
    }

    private mutating func appendPlain(_ data: UnsafeRawBufferPointer, count: Int) throws {
        switch descriptor.physicalType {
        case .boolean:
            var bits = [UInt8](repeating: 0, count: count)
            _ = try bits.withUnsafeMutableBufferPointer { try PlainEncoding.decodeBooleans(data, count: count, into: $0) }
            appendBools(bits)
        case .byteArray:
            try appendPlainByteArrays(data, count: count)
        case .int96:
            guard count <= data.count / 12 else {
                throw ParquetError(.corruptData, "PLAIN INT96 data holds \(data.count / 12) values, \(count) expected")
            }
            try appendFixed(count: count, width: 8) { out in
                try convertInt96(data, count: count, into: out.assumingMemoryBound(to: Int64.self))
            }
        default:
            let width = descriptor.storedWidth ?? 1
            let (needed, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, needed <= data.count else {
                throw ParquetError(.corruptData, "PLAIN data holds \(data.count) bytes, \(count) values of \(width) bytes expected")
            }
            try appendFixed(count: count, width: width) { out in
                _ = try PlainEncoding.decodeFixed(data, count: count, width: width, into: out)
            }
        }
    }

    private func decodeRLEBooleans(_ data: UnsafeRawBufferPointer, count: Int) throws -> [UInt8] {
        var scratch = [UInt32](repeating: 0, count: count)
        _ = try scratch.withUnsafeMutableBufferPointer {
            try RLEHybrid.decodeLengthPrefixed(data, bitWidth: 1, count: count, into: $0)
        }
        return scratch.map { UInt8(truncatingIfNeeded: $0) }
    }

    private mutating func appendDeltaIntegers(_ data: UnsafeRawBufferPointer, count: Int) throws {
        let header = try DeltaBinaryPacked.readHeader(data)
        guard header.totalValueCount >= count, header.totalValueCount <= Swift.max(count, maxValuesPerPage) else {
            throw ParquetError(.corruptData, "DELTA_BINARY_PACKED holds \(header.totalValueCount) values, \(count) expected")
        }
        let is64 = descriptor.physicalType == .int64
        let width = is64 ? 8 : 4
        if header.totalValueCount == count {
            try appendFixed(count: count, width: width) { out in
                if is64 {
                    _ = try DeltaBinaryPacked.decode(data, into: UnsafeMutableBufferPointer(
                        start: out.assumingMemoryBound(to: Int64.self), count: count))
                } else {
                    _ = try DeltaBinaryPacked.decode(data, into: UnsafeMutableBufferPointer(
                        start: out.assumingMemoryBound(to: Int32.self), count: count))
                }
            }
        } else if is64 {
            let (decoded, _) = try DeltaBinaryPacked.decodeInt64(data)
            try appendFixed(count: count, width: 8) { out in
                decoded.withUnsafeBytes { out.copyMemory(from: $0.baseAddress!, byteCount: count * 8) }
            }
        } else {
            let (decoded, _) = try DeltaBinaryPacked.decodeInt32(data)
            try appendFixed(count: count, width: 4) { out in
                decoded.withUnsafeBytes { out.copyMemory(from: $0.baseAddress!, byteCount: count * 4) }
            }
        }
    }

    private mutating func appendDeltaByteArrays(_ data: UnsafeRawBufferPointer, count: Int) throws {
        if case .byteArrays = storage {
            var ends: [Int64] = [0]
            var joined: [UInt8] = []
            _ = try DeltaByteArray.decode(data, count: count, offsets: &ends, bytes: &joined)
            try appendByteArrays(ends: ends, bytes: joined)
            return
        }
        let width = descriptor.storedWidth ?? 0
        var ends: [Int64] = [0]
        var joined: [UInt8] = []
        _ = try DeltaByteArray.decode(data, count: count, offsets: &ends, bytes: &joined)
        for i in 0..<count where ends[i + 1] - ends[i] != Int64(width) {
            throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY value of \(ends[i + 1] - ends[i]) bytes in a FIXED_LEN_BYTE_ARRAY(\(width)) column")
        }
        try appendFixed(count: count, width: width) { out in
            joined.withUnsafeBytes { if let b = $0.baseAddress { out.copyMemory(from: b, byteCount: count * width) } }
        }
    }

    /// Dictionary lookup for 4- and 8-byte values with typed loads (copying the dictionary to
    /// aligned memory only if its bytes are not aligned already).
    private static func gatherTyped<T: FixedWidthInteger>(
        _ indices: UnsafeBufferPointer<UInt32>, _ dictionary: UnsafeRawBufferPointer, _ out: UnsafeMutableRawPointer, as: T.Type
    ) throws {
        let count = dictionary.count / MemoryLayout<T>.size
        let output = UnsafeMutableBufferPointer(start: out.assumingMemoryBound(to: T.self), count: indices.count)
        if let base = dictionary.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 {
            let dict = UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: count)
            try DictionaryEncoding.gather(indices: indices, dictionary: dict, into: output)
            return
        }
        let entries = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = count
            if count > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: dictionary.baseAddress!, byteCount: count * MemoryLayout<T>.size) }
        }
        try entries.withUnsafeBufferPointer { try DictionaryEncoding.gather(indices: indices, dictionary: $0, into: output) }
    }

    private mutating func appendDictionaryValues(
        _ data: UnsafeRawBufferPointer, count: Int, dictionary: DecodedDictionary
    ) throws {
        if indexScratch.count < count { indexScratch = [UInt32](repeating: 0, count: count) }
        var indices = indexScratch
        indexScratch = []
        defer { indexScratch = indices }
        try indices.withUnsafeMutableBufferPointer { all in
            let page = UnsafeMutableBufferPointer(rebasing: all[0..<count])
            _ = try DictionaryEncoding.decodeIndices(data, count: count, into: page)
            try appendDictionaryEntries(UnsafeBufferPointer(page), dictionary: dictionary)
        }
    }

    private mutating func appendDictionaryEntries(_ idx: UnsafeBufferPointer<UInt32>, dictionary: DecodedDictionary) throws {
        let count = idx.count
        switch dictionary {
        case .fixed(let entries, let width, _):
            try appendFixed(count: count, width: width) { out in
                try entries.withUnsafeBytes { dict in
                    switch width {
                    case 8: try Self.gatherTyped(idx, dict, out, as: UInt64.self)
                    case 4: try Self.gatherTyped(idx, dict, out, as: UInt32.self)
                    default: try DictionaryEncoding.gatherFixed(indices: idx, dictionary: dict, width: width, into: out)
                    }
                }
            }
        case .bools(let entries):
            var bits = [UInt8](repeating: 0, count: count)
            for i in 0..<count {
                let k = Int(idx[i])
                guard k < entries.count else { throw ParquetError(.corruptData, "dictionary index \(k) out of \(entries.count) entries") }
                bits[i] = entries[k]
            }
            appendBools(bits)
        case .bytes(let dictOffsets, let dictBytes):
            guard case .byteArrays = storage else { throw internalError() }
            try appendGatheredByteArrays(idx, dictionaryOffsets: dictOffsets, dictionaryBytes: dictBytes)
        }
    }
}

extension DecodedDictionary {
    /// Decodes a dictionary page body (PLAIN entries) for a leaf.
    init(_ data: UnsafeRawBufferPointer, count: Int, descriptor: ColumnDescriptor) throws {
        guard count >= 0 else { throw ParquetError(.corruptData, "negative dictionary size") }
        switch descriptor.physicalType {
        case .boolean:
            var bits = [UInt8](repeating: 0, count: count)
            _ = try bits.withUnsafeMutableBufferPointer { try PlainEncoding.decodeBooleans(data, count: count, into: $0) }
            self = .bools(bits)
        case .byteArray:
            var offsets: [Int64] = [0]
            var bytes: [UInt8] = []
            _ = try PlainEncoding.decodeByteArrays(data, count: count, offsets: &offsets, bytes: &bytes)
            guard offsets.count == count + 1, Self.monotone(offsets, limit: Int64(bytes.count)) else {
                throw ParquetError(.corruptData, "dictionary offsets are inconsistent")
            }
            self = .bytes(offsets: offsets, data: bytes)
        case .int96:
            guard count <= data.count / 12 else { throw ParquetError(.corruptData, "INT96 dictionary is truncated") }
            guard count > 0 else { self = .fixed([], width: 8, count: 0); return }
            var out = [Int64](repeating: 0, count: count)
            try out.withUnsafeMutableBufferPointer { try convertInt96(data, count: count, into: $0.baseAddress!) }
            self = .fixed(out.withUnsafeBytes { Array($0) }, width: 8, count: count)
        default:
            let width = descriptor.storedWidth ?? 1
            let (needed, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, needed <= data.count else {
                throw ParquetError(.corruptData, "dictionary page holds \(data.count) bytes, \(count) entries of \(width) bytes declared")
            }
            self = .fixed(Array(UnsafeRawBufferPointer(rebasing: data[0..<needed])), width: width, count: count)
        }
    }
}

extension DecodedDictionary {
    /// Whether `offsets` start at 0 or above, never decrease, and end within `limit`.
    static func monotone(_ offsets: [Int64], limit: Int64) -> Bool {
        offsets.withUnsafeBufferPointer { o in
            guard let first = o.first, first >= 0 else { return false }
            var previous = first
            var ok = true
            for value in o.dropFirst() {
                ok = ok && value >= previous
                previous = value
            }
            return ok && previous <= limit
        }
    }
}
