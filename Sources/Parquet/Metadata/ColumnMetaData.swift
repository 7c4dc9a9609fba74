/// How many pages of a chunk use a given page type and encoding.
public struct PageEncodingStats: Sendable, Hashable {
    /// The page type.
    public var pageType: PageType
    /// The value encoding of those pages.
    public var encoding: Encoding
    /// The number of such pages.
    public var count: Int32

    /// Creates an entry.
    public init(pageType: PageType, encoding: Encoding, count: Int32) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }
}

extension PageEncodingStats: ThriftDecodable {
    /// Decodes a `PageEncodingStats` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(pageType: .dataPage, encoding: .plain, count: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: pageType = PageType(rawValue: try r.readI32(f.type))
            case 2: encoding = Encoding(rawValue: try r.readI32(f.type))
            case 3: count = try r.readI32(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// Optional size hints written by newer writers (pyarrow writes them by default).
public struct SizeStatistics: Sendable, Hashable {
    /// Total bytes of BYTE_ARRAY values, unencoded.
    public var unencodedByteArrayDataBytes: Int64?
    /// Histogram of repetition levels (index = level).
    public var repetitionLevelHistogram: [Int64]?
    /// Histogram of definition levels (index = level).
    public var definitionLevelHistogram: [Int64]?

    /// Creates size statistics.
    public init(
        unencodedByteArrayDataBytes: Int64? = nil, repetitionLevelHistogram: [Int64]? = nil,
        definitionLevelHistogram: [Int64]? = nil
    ) {
        self.unencodedByteArrayDataBytes = unencodedByteArrayDataBytes
        self.repetitionLevelHistogram = repetitionLevelHistogram
        self.definitionLevelHistogram = definitionLevelHistogram
    }
}

extension SizeStatistics: ThriftDecodable {
    /// Decodes a `SizeStatistics` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init()
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: unencodedByteArrayDataBytes = try r.readI64(f.type)
            case 2: repetitionLevelHistogram = try r.readI64List(f.type)
            case 3: definitionLevelHistogram = try r.readI64List(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// Metadata of one column chunk: its type, encodings, sizes, offsets and statistics.
public struct ColumnMetaData: Sendable, Hashable {
    /// The physical type.
    public var type: PhysicalType
    /// Every encoding used in the chunk (values and levels).
    public var encodings: [Encoding]
    /// The path from the root's child to the leaf.
    public var pathInSchema: [String]
    /// The page compression codec.
    public var codec: CompressionCodec
    /// The number of level entries (including nulls and empty lists), not rows.
    public var numValues: Int64
    /// Total uncompressed size, including page headers.
    public var totalUncompressedSize: Int64
    /// Total size on disk, including page headers.
    public var totalCompressedSize: Int64
    /// Column-level key/value metadata.
    public var keyValueMetadata: [KeyValue]?
    /// Offset of the first data page.
    public var dataPageOffset: Int64
    /// Offset of the (unused) index page.
    public var indexPageOffset: Int64?
    /// Offset of the dictionary page (0 is treated as absent by readers).
    public var dictionaryPageOffset: Int64?
    /// Chunk statistics.
    public var statistics: Statistics?
    /// Page counts per type and encoding.
    public var encodingStats: [PageEncodingStats]?
    /// Offset of the bloom filter.
    public var bloomFilterOffset: Int64?
    /// Length of the bloom filter.
    public var bloomFilterLength: Int32?
    /// Size statistics.
    public var sizeStatistics: SizeStatistics?

    /// Creates column metadata.
    public init(
        type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: CompressionCodec,
        numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64,
        keyValueMetadata: [KeyValue]? = nil, dataPageOffset: Int64, indexPageOffset: Int64? = nil,
        dictionaryPageOffset: Int64? = nil, statistics: Statistics? = nil,
        encodingStats: [PageEncodingStats]? = nil, bloomFilterOffset: Int64? = nil,
        bloomFilterLength: Int32? = nil, sizeStatistics: SizeStatistics? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = dataPageOffset
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
        self.sizeStatistics = sizeStatistics
    }

    /// The byte range of the chunk in its file: from the earlier of the dictionary page and the
    /// first data page (offsets below 4, inside the leading magic, count as unset: parquet-mr
    /// writes a dictionary offset of 0, and pyarrow a data page offset of 0 for an empty chunk), for
    /// `totalCompressedSize` bytes. `nil` when no offset is usable or the end overflows.
    public var byteRange: Range<Int64>? {
        let candidates = [dictionaryPageOffset, dataPageOffset].compactMap { $0 }.filter { $0 >= 4 }
        guard let start = candidates.min(), totalCompressedSize >= 0 else { return nil }
        let (end, overflow) = start.addingReportingOverflow(totalCompressedSize)
        return overflow ? nil : start..<end
    }
}

extension ColumnMetaData: ThriftDecodable {
    /// Decodes a `ColumnMetaData` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        var type: PhysicalType?
        var codec: CompressionCodec?
        var dataPageOffset: Int64?
        self.init(type: .boolean, encodings: [], pathInSchema: [], codec: .uncompressed, numValues: 0,
                  totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: type = try r.readKnownEnum(f.type, field: "physical type")
            case 2: encodings = try r.readI32List(f.type).map(Encoding.init(rawValue:))
            case 3: pathInSchema = try r.readStringList(f.type)
            case 4: codec = CompressionCodec(rawValue: try r.readI32(f.type))
            case 5: numValues = try r.readI64(f.type)
            case 6: totalUncompressedSize = try r.readI64(f.type)
            case 7: totalCompressedSize = try r.readI64(f.type)
            case 8: keyValueMetadata = try r.readStructList(f.type)
            case 9: dataPageOffset = try r.readI64(f.type)
            case 10: indexPageOffset = try r.readI64(f.type)
            case 11: dictionaryPageOffset = try r.readI64(f.type)
            case 12: statistics = try r.readStruct(f.type)
            case 13: encodingStats = try r.readStructList(f.type)
            case 14: bloomFilterOffset = try r.readI64(f.type)
            case 15: bloomFilterLength = try r.readI32(f.type)
            case 16: sizeStatistics = try r.readStruct(f.type)
            default: try r.skip(f.type)
            }
        }
        guard let type, let codec, let dataPageOffset else {
            throw ParquetError(.corruptMetadata, "Thrift: ColumnMetaData lacks its type, codec or data page offset")
        }
        self.type = type
        self.codec = codec
        self.dataPageOffset = dataPageOffset
    }
}
