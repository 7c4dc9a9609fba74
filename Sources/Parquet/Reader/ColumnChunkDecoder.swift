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
    /// The reused decompression buffer and codec context for this chunk's pages.
    let pages = PageDecompressor()
    /// Reused room for one page's levels, before they are narrowed to bytes.
    var levelScratch: [UInt32] = []

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
    /// - Parameters:
    ///   - stopAfterEntries: stop once this many level entries are decoded in total.
    ///   - isLast: whether `bytes` run to the end of the pages; when not, a page cut off by the end
    ///     of `bytes` is left for the next window instead of reported as corrupt.
    ///   - base: the chunk offset of `bytes`, for error messages.
    /// - Returns: the bytes of whole pages decoded, whether decoding stopped at `stopAfterEntries`,
    ///   and, when a page was cut off, the bytes from `consumed` it needs at least.
    @discardableResult
    mutating func decodePages(
        _ bytes: UnsafeRawBufferPointer, stopAfterEntries: Int? = nil, isLast: Bool = true, base: Int = 0
    ) throws -> (consumed: Int, stopped: Bool, needed: Int?) {
        var position = 0
        while position < bytes.count {
            if let stop = stopAfterEntries, chunk.entryCount >= stop { return (position, true, nil) }
            var reader = ThriftCompactReader(UnsafeRawBufferPointer(rebasing: bytes[position...]))
            let header: PageHeader
            do { header = try PageHeader(thrift: &reader) } catch let error as ParquetError {
                if !isLast { return (position, false, 2 * (bytes.count - position) + 1) }
                throw ParquetError(.corruptMetadata, "bad page header at chunk byte \(base + position): \(error.message)")
            }
            let bodyStart = position + reader.position
            let size = Int(header.compressedPageSize)
            guard size <= bytes.count - bodyStart else {
                if !isLast, size >= 0 { return (position, false, bodyStart + size - position) }
                throw ParquetError(.outOfBounds, "page of \(size) bytes at chunk byte \(base + bodyStart) runs past the chunk's end")
            }
            let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + size)])
            try checkUncompressedSize(header)
            if limits.verifyChecksums, let expected = header.crc {
                let actual = crc32(0, body.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(body.count))
                guard UInt32(truncatingIfNeeded: actual) == UInt32(bitPattern: expected) else {
                    throw ParquetError(.corruptData, "page at chunk byte \(base + position) fails its CRC-32 check")
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
        return (position, false, nil)
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

    /// The decompressed page bytes (the input itself when uncompressed), valid until the next page.
    private func decompressed(_ input: UnsafeRawBufferPointer, size: Int, compressed: Bool) throws -> UnsafeRawBufferPointer {
        let codec = metadata.codec
        if !compressed || codec == .uncompressed || input.isEmpty || size == 0 { return input }
        return try pages.decompress(codec, input, size: size)
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
        let page = try decompressed(body, size: Int(header.uncompressedPageSize), compressed: true)
        dictionary = try DecodedDictionary(page, count: count, descriptor: descriptor)
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
        let page = try decompressed(body, size: Int(header.uncompressedPageSize), compressed: true)
        var position = 0
        if descriptor.maxRepetitionLevel > 0 {
            position += try appendRepetitionLevels(UnsafeRawBufferPointer(rebasing: page[position...]), count: count,
                                                   encoding: info.repetitionLevelEncoding)
        }
        var nonNull = count
        if descriptor.maxDefinitionLevel > 0 {
            let (consumed, present) = try appendDefinitionLevels(UnsafeRawBufferPointer(rebasing: page[position...]),
                                                                 count: count, encoding: info.definitionLevelEncoding)
            position += consumed
            nonNull = present
        }
        chunk.entryCount += count
        try chunk.appendValues(UnsafeRawBufferPointer(rebasing: page[position...]), count: nonNull,
                               encoding: info.encoding, dictionary: dictionary)
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
            _ = try appendRepetitionLevels(UnsafeRawBufferPointer(rebasing: body[0..<repLength]), count: count, encoding: nil)
        }
        var nonNull = count
        if descriptor.maxDefinitionLevel > 0 {
            nonNull = try appendDefinitionLevels(UnsafeRawBufferPointer(rebasing: body[repLength..<(repLength + defLength)]),
                                                 count: count, encoding: nil).present
        }
        chunk.entryCount += count
        let valuesSize = Int(header.uncompressedPageSize) - repLength - defLength
        let values = UnsafeRawBufferPointer(rebasing: body[(repLength + defLength)...])
        let data = try decompressed(values, size: valuesSize, compressed: info.isCompressed)
        try chunk.appendValues(data, count: nonNull, encoding: info.encoding, dictionary: dictionary)
    }
}
