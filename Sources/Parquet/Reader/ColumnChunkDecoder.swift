import Columnar
import CZlib

/// Limits that keep hostile files from causing huge allocations.
public struct ReadLimits: Sendable {
    /// The largest uncompressed page accepted, in bytes.
    public var maxPageSize: Int
    /// The most level entries accepted in one page.
    public var maxValuesPerPage: Int
    /// The largest decompressed/compressed ratio accepted for one page (checked above 1 MiB).
    public var maxCompressionRatio: Int
    /// Check each page's CRC-32, when the writer stored one (parquet-java does by default).
    public var verifyChecksums: Bool

    /// Creates limits; the defaults accept every file mainstream writers produce.
    public init(maxPageSize: Int = 1 << 30, maxValuesPerPage: Int = 1 << 24, maxCompressionRatio: Int = 1 << 16,
                verifyChecksums: Bool = false) {
        self.verifyChecksums = verifyChecksums
        self.maxPageSize = maxPageSize
        self.maxValuesPerPage = maxValuesPerPage
        self.maxCompressionRatio = maxCompressionRatio
    }
}

/// Decodes the pages of one column chunk into levels and dense values.
struct ColumnChunkDecoder {
    let metadata: ColumnMetaData
    let descriptor: ColumnDescriptor
    let limits: ReadLimits
    var chunk: DecodedChunk
    var dictionary: DecodedDictionary?
    /// The most level entries the chunk may hold (its row count, for a column without repetition).
    var maxEntries = Int.max

    init(metadata: ColumnMetaData, descriptor: ColumnDescriptor, limits: ReadLimits) throws {
        guard metadata.type == descriptor.physicalType else {
            throw ParquetError(.corruptMetadata, "column chunk type \(metadata.type) differs from the schema's \(descriptor.physicalType)")
        }
        guard metadata.codec.isSupported else {
            throw ParquetError(.unsupported, "compression codec \(metadata.codec) is not supported")
        }
        self.metadata = metadata
        self.descriptor = descriptor
        self.limits = limits
        self.chunk = DecodedChunk(descriptor: descriptor, maxValuesPerPage: limits.maxValuesPerPage)
    }

    /// Decodes every page in `bytes`, a run of consecutive pages (a whole chunk, or the dictionary
    /// page alone, or selected data pages).
    ///
    /// - Parameter stopAfterEntries: stop once this many level entries are decoded in total.
    mutating func decodePages(_ bytes: UnsafeRawBufferPointer, stopAfterEntries: Int? = nil) throws {
        var position = 0
        while position < bytes.count {
            if let stop = stopAfterEntries, chunk.entryCount >= stop { break }
            var reader = ThriftCompactReader(UnsafeRawBufferPointer(rebasing: bytes[position...]))
            let header: PageHeader
            do { header = try PageHeader(thrift: &reader) } catch let error as ParquetError {
                throw ParquetError(.corruptMetadata, "bad page header at chunk byte \(position): \(error.message)")
            }
            let bodyStart = position + reader.position
            let size = Int(header.compressedPageSize)
            guard size <= bytes.count - bodyStart else {
                throw ParquetError(.outOfBounds, "page of \(size) bytes at chunk byte \(bodyStart) runs past the chunk's \(bytes.count) bytes")
            }
            let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + size)])
            try checkUncompressedSize(header)
            if limits.verifyChecksums, let expected = header.crc {
                let actual = crc32(0, body.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(body.count))
                guard UInt32(truncatingIfNeeded: actual) == UInt32(bitPattern: expected) else {
                    throw ParquetError(.corruptData, "page at chunk byte \(position) fails its CRC-32 check")
                }
            }
            switch header.type {
            case .dictionaryPage: try decodeDictionaryPage(header, body)
            case .dataPage: try decodeDataPageV1(header, body)
            case .dataPageV2: try decodeDataPageV2(header, body)
            default: break
            }
            position = bodyStart + size
        }
    }

    private func checkUncompressedSize(_ header: PageHeader) throws {
        let u = Int(header.uncompressedPageSize)
        let c = Int(header.compressedPageSize)
        guard u <= limits.maxPageSize else {
            throw ParquetError(.unsupported, "page of \(u) uncompressed bytes exceeds the \(limits.maxPageSize)-byte limit")
        }
        // Beyond 1 MiB, the declared size must be reachable with the codec's best ratio, so a
        // hostile header cannot make the reader allocate far more than the file holds.
        let ratio: Int
        switch metadata.codec {
        case .uncompressed: ratio = 1
        case .snappy: ratio = 32
        case .lz4, .lz4Raw: ratio = 256
        case .gzip: ratio = 1100
        default: ratio = limits.maxCompressionRatio
        }
        if u > 1 << 20, u / Swift.max(c, 1) >= Swift.min(ratio, limits.maxCompressionRatio) + 1 {
            throw ParquetError(.corruptData, "page claims \(u) uncompressed bytes from \(c) compressed with \(metadata.codec)")
        }
    }

    /// Runs `body` with the decompressed page bytes (the input itself when uncompressed).
    ///
    /// Static, so that a `body` mutating the decoder is the only holder of its buffers (a method
    /// call would keep a copy of `self` alive and make every append copy the value store).
    private static func withDecompressed<R>(
        _ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, size: Int, compressed: Bool,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        if !compressed || codec == .uncompressed || input.isEmpty || size == 0 {
            return try body(input)
        }
        let out = try codec.decompress(input, uncompressedSize: size)
        return try out.withUnsafeBytes { try body($0) }
    }

    private mutating func decodeDictionaryPage(_ header: PageHeader, _ body: UnsafeRawBufferPointer) throws {
        guard let info = header.dictionaryPageHeader else {
            throw ParquetError(.corruptMetadata, "dictionary page without a dictionary page header")
        }
        guard info.encoding == .plain || info.encoding == .plainDictionary else {
            throw ParquetError(.unsupported, "dictionary page encoding \(info.encoding) is not supported")
        }
        let count = Int(info.numValues)
        guard count >= 0, count <= limits.maxValuesPerPage else {
            throw ParquetError(.corruptData, "dictionary page declares \(count) entries")
        }
        dictionary = try Self.withDecompressed(metadata.codec, body, size: Int(header.uncompressedPageSize), compressed: true) {
            try DecodedDictionary($0, count: count, descriptor: descriptor)
        }
    }

    private func checkedValueCount(_ n: Int32) throws -> Int {
        let count = Int(n)
        guard count >= 0, count <= limits.maxValuesPerPage else {
            throw ParquetError(.corruptData, "data page declares \(count) values")
        }
        guard count <= maxEntries - chunk.entryCount else {
            throw ParquetError(.corruptData, "data pages hold more values than the row group's \(maxEntries) rows")
        }
        return count
    }

    private mutating func decodeDataPageV1(_ header: PageHeader, _ body: UnsafeRawBufferPointer) throws {
        guard let info = header.dataPageHeader else {
            throw ParquetError(.corruptMetadata, "data page without a data page header")
        }
        let count = try checkedValueCount(info.numValues)
        try Self.withDecompressed(metadata.codec, body, size: Int(header.uncompressedPageSize), compressed: true) { page in
            var position = 0
            if descriptor.maxRepetitionLevel > 0 {
                position += try appendLevels(UnsafeRawBufferPointer(rebasing: page[position...]), count: count,
                                             max: descriptor.maxRepetitionLevel, encoding: info.repetitionLevelEncoding,
                                             repetition: true)
            }
            var nonNull = count
            if descriptor.maxDefinitionLevel > 0 {
                position += try appendLevels(UnsafeRawBufferPointer(rebasing: page[position...]), count: count,
                                             max: descriptor.maxDefinitionLevel, encoding: info.definitionLevelEncoding,
                                             repetition: false)
                nonNull = countMaxLevels(last: count)
            }
            chunk.entryCount += count
            try chunk.appendValues(UnsafeRawBufferPointer(rebasing: page[position...]), count: nonNull,
                                   encoding: info.encoding, dictionary: dictionary)
        }
    }

    private mutating func decodeDataPageV2(_ header: PageHeader, _ body: UnsafeRawBufferPointer) throws {
        guard let info = header.dataPageHeaderV2 else {
            throw ParquetError(.corruptMetadata, "data page v2 without its header")
        }
        let count = try checkedValueCount(info.numValues)
        let repLength = Int(info.repetitionLevelsByteLength)
        let defLength = Int(info.definitionLevelsByteLength)
        guard repLength >= 0, defLength >= 0, repLength + defLength <= body.count,
              repLength + defLength <= Int(header.uncompressedPageSize) else {
            throw ParquetError(.corruptData, "data page v2 level lengths \(repLength)+\(defLength) exceed the page")
        }
        if descriptor.maxRepetitionLevel > 0 {
            _ = try appendLevels(UnsafeRawBufferPointer(rebasing: body[0..<repLength]), count: count,
                                 max: descriptor.maxRepetitionLevel, encoding: nil, repetition: true)
        }
        var nonNull = count
        if descriptor.maxDefinitionLevel > 0 {
            _ = try appendLevels(UnsafeRawBufferPointer(rebasing: body[repLength..<(repLength + defLength)]), count: count,
                                 max: descriptor.maxDefinitionLevel, encoding: nil, repetition: false)
            nonNull = countMaxLevels(last: count)
        }
        chunk.entryCount += count
        let valuesSize = Int(header.uncompressedPageSize) - repLength - defLength
        let values = UnsafeRawBufferPointer(rebasing: body[(repLength + defLength)...])
        try Self.withDecompressed(metadata.codec, values, size: valuesSize, compressed: info.isCompressed) { data in
            try chunk.appendValues(data, count: nonNull, encoding: info.encoding, dictionary: dictionary)
        }
    }

    /// Decodes `count` levels and appends them; returns the bytes consumed.
    ///
    /// - Parameter encoding: a v1 page's level encoding (RLE with a length prefix, or the
    ///   deprecated MSB-first BIT_PACKED); `nil` for v2 pages (RLE without a prefix).
    private mutating func appendLevels(
        _ data: UnsafeRawBufferPointer, count: Int, max: Int, encoding: Encoding?, repetition: Bool
    ) throws -> Int {
        let width = Int.bitWidth - max.leadingZeroBitCount
        var scratch = [UInt32](repeating: 0, count: count)
        let consumed: Int
        switch encoding {
        case nil:
            consumed = try scratch.withUnsafeMutableBufferPointer { try RLEHybrid.decode(data, bitWidth: width, count: count, into: $0) }
        case .rle?:
            consumed = try scratch.withUnsafeMutableBufferPointer {
                try RLEHybrid.decodeLengthPrefixed(data, bitWidth: width, count: count, into: $0)
            }
        case .bitPacked?:
            consumed = try Self.unpackMSBFirst(data, bitWidth: width, into: &scratch)
        case let other?:
            throw ParquetError(.unsupported, "level encoding \(other) is not supported")
        }
        let bad = repetition ? Self.append(scratch, to: &chunk.repetitionLevels, max: UInt32(max))
                             : Self.append(scratch, to: &chunk.definitionLevels, max: UInt32(max))
        if bad { throw ParquetError(.corruptData, "\(repetition ? "repetition" : "definition") level above the maximum \(max)") }
        return consumed
    }

    /// Decodes the deprecated BIT_PACKED level encoding: values packed from the most significant
    /// bit of each byte, no header; returns the bytes consumed.
    static func unpackMSBFirst(_ data: UnsafeRawBufferPointer, bitWidth: Int, into out: inout [UInt32]) throws -> Int {
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

    /// Appends levels narrowed to bytes; returns whether any exceeded `max`.
    private static func append(_ levels: [UInt32], to out: inout [UInt8], max: UInt32) -> Bool {
        var bad = false
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: levels.count))
        out.withUnsafeMutableBufferPointer { dst in
            levels.withUnsafeBufferPointer { src in
                for i in 0..<src.count {
                    bad = bad || src[i] > max
                    dst[start + i] = UInt8(truncatingIfNeeded: src[i])
                }
            }
        }
        return bad
    }

    /// The number of entries among the last `count` definition levels that carry a value.
    private func countMaxLevels(last count: Int) -> Int {
        let maxDef = UInt8(descriptor.maxDefinitionLevel)
        let levels = chunk.definitionLevels
        var n = 0
        for i in (levels.count - count)..<levels.count where levels[i] == maxDef { n += 1 }
        return n
    }
}
