/// The header of a version 1 data page.
public struct DataPageHeader: Sendable, Hashable {
    /// The number of level entries (including nulls).
    public var numValues: Int32
    /// The value encoding.
    public var encoding: Encoding
    /// The definition-level encoding (RLE in practice).
    public var definitionLevelEncoding: Encoding
    /// The repetition-level encoding (RLE in practice).
    public var repetitionLevelEncoding: Encoding
    /// Page statistics.
    public var statistics: Statistics?

    /// Creates a header.
    public init(numValues: Int32, encoding: Encoding, definitionLevelEncoding: Encoding = .rle,
                repetitionLevelEncoding: Encoding = .rle, statistics: Statistics? = nil) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }
}

extension DataPageHeader: ThriftDecodable {
    /// Decodes a `DataPageHeader` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(numValues: 0, encoding: .plain)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: numValues = try r.readI32(f.type)
            case 2: encoding = Encoding(rawValue: try r.readI32(f.type))
            case 3: definitionLevelEncoding = Encoding(rawValue: try r.readI32(f.type))
            case 4: repetitionLevelEncoding = Encoding(rawValue: try r.readI32(f.type))
            case 5: statistics = try r.readStruct(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// The header of a version 2 data page.
public struct DataPageHeaderV2: Sendable, Hashable {
    /// The number of level entries (including nulls).
    public var numValues: Int32
    /// The number of level entries without a value.
    public var numNulls: Int32
    /// The number of rows in the page.
    public var numRows: Int32
    /// The value encoding.
    public var encoding: Encoding
    /// Bytes of (uncompressed) definition levels.
    public var definitionLevelsByteLength: Int32
    /// Bytes of (uncompressed) repetition levels.
    public var repetitionLevelsByteLength: Int32
    /// Whether the values section is compressed (true when absent).
    public var isCompressed: Bool
    /// Page statistics.
    public var statistics: Statistics?

    /// Creates a header.
    public init(numValues: Int32, numNulls: Int32, numRows: Int32, encoding: Encoding,
                definitionLevelsByteLength: Int32, repetitionLevelsByteLength: Int32,
                isCompressed: Bool = true, statistics: Statistics? = nil) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }
}

extension DataPageHeaderV2: ThriftDecodable {
    /// Decodes a `DataPageHeaderV2` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(numValues: 0, numNulls: 0, numRows: 0, encoding: .plain,
                  definitionLevelsByteLength: 0, repetitionLevelsByteLength: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: numValues = try r.readI32(f.type)
            case 2: numNulls = try r.readI32(f.type)
            case 3: numRows = try r.readI32(f.type)
            case 4: encoding = Encoding(rawValue: try r.readI32(f.type))
            case 5: definitionLevelsByteLength = try r.readI32(f.type)
            case 6: repetitionLevelsByteLength = try r.readI32(f.type)
            case 7: isCompressed = try r.readBool(f.type)
            case 8: statistics = try r.readStruct(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// The header of a dictionary page.
public struct DictionaryPageHeader: Sendable, Hashable {
    /// The number of dictionary entries.
    public var numValues: Int32
    /// The entries' encoding (PLAIN, or PLAIN_DICTIONARY in old files).
    public var encoding: Encoding
    /// Whether the entries are sorted.
    public var isSorted: Bool?

    /// Creates a header.
    public init(numValues: Int32, encoding: Encoding = .plain, isSorted: Bool? = nil) {
        self.numValues = numValues
        self.encoding = encoding
        self.isSorted = isSorted
    }
}

extension DictionaryPageHeader: ThriftDecodable {
    /// Decodes a `DictionaryPageHeader` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(numValues: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: numValues = try r.readI32(f.type)
            case 2: encoding = Encoding(rawValue: try r.readI32(f.type))
            case 3: isSorted = try r.readBool(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// The header preceding every page.
public struct PageHeader: Sendable, Hashable {
    /// The page type.
    public var type: PageType
    /// The body size after decompression (v2: levels plus decompressed values).
    public var uncompressedPageSize: Int32
    /// The body size on disk.
    public var compressedPageSize: Int32
    /// CRC-32 of the body as stored.
    public var crc: Int32?
    /// Present for `DATA_PAGE`.
    public var dataPageHeader: DataPageHeader?
    /// Present for `DICTIONARY_PAGE`.
    public var dictionaryPageHeader: DictionaryPageHeader?
    /// Present for `DATA_PAGE_V2`.
    public var dataPageHeaderV2: DataPageHeaderV2?

    /// Creates a page header.
    public init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32, crc: Int32? = nil,
                dataPageHeader: DataPageHeader? = nil, dictionaryPageHeader: DictionaryPageHeader? = nil,
                dataPageHeaderV2: DataPageHeaderV2? = nil) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }
}

extension PageHeader: ThriftDecodable {
    /// Decodes a `PageHeader` struct; sizes must be non-negative.
    public init(thrift r: inout ThriftCompactReader) throws {
        var type: PageType?
        var sizes: (Int32?, Int32?) = (nil, nil)
        self.init(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: type = PageType(rawValue: try r.readI32(f.type))
            case 2: sizes.0 = try r.readI32(f.type)
            case 3: sizes.1 = try r.readI32(f.type)
            case 4: crc = try r.readI32(f.type)
            case 5: dataPageHeader = try r.readStruct(f.type)
            case 7: dictionaryPageHeader = try r.readStruct(f.type)
            case 8: dataPageHeaderV2 = try r.readStruct(f.type)
            default: try r.skip(f.type)
            }
        }
        guard let type, let u = sizes.0, let c = sizes.1, u >= 0, c >= 0 else {
            throw ParquetError(.corruptMetadata, "bad page header (missing type or sizes, or negative sizes)")
        }
        self.type = type
        self.uncompressedPageSize = u
        self.compressedPageSize = c
    }
}
