/// The physical (storage) type of a leaf column (`Type` in parquet.thrift).
public enum PhysicalType: Int32, Sendable, Hashable, CaseIterable {
    /// One bit per value.
    case boolean = 0
    /// 32-bit signed integer (also carries int8/int16/uint8/uint16/uint32, DATE, DECIMAL).
    case int32 = 1
    /// 64-bit signed integer (also uint64, TIMESTAMP, DECIMAL).
    case int64 = 2
    /// 96-bit legacy timestamp (nanoseconds of day + Julian day).
    case int96 = 3
    /// IEEE 32-bit float.
    case float = 4
    /// IEEE 64-bit float.
    case double = 5
    /// Variable-length bytes (strings, binary, DECIMAL).
    case byteArray = 6
    /// Fixed-length bytes of `SchemaElement.typeLength` (DECIMAL, FLOAT16, UUID).
    case fixedLenByteArray = 7
}

/// Whether a schema node is required, optional or repeated.
public enum FieldRepetitionType: Int32, Sendable, Hashable, CaseIterable {
    /// Exactly one value.
    case required = 0
    /// Zero or one value.
    case optional = 1
    /// Zero or more values.
    case repeated = 2
}

/// The deprecated logical annotation (still the only one in DuckDB and older files).
public enum ConvertedType: Int32, Sendable, Hashable, CaseIterable {
    /// UTF-8 text.
    case utf8 = 0
    /// A map group.
    case map = 1
    /// The repeated key/value group of a map.
    case mapKeyValue = 2
    /// A list group.
    case list = 3
    /// An enum stored as text.
    case `enum` = 4
    /// A decimal (scale and precision in the schema element).
    case decimal = 5
    /// Days since the Unix epoch.
    case date = 6
    /// Time of day in milliseconds.
    case timeMillis = 7
    /// Time of day in microseconds.
    case timeMicros = 8
    /// UTC instant in milliseconds.
    case timestampMillis = 9
    /// UTC instant in microseconds.
    case timestampMicros = 10
    /// Unsigned 8-bit integer.
    case uint8 = 11
    /// Unsigned 16-bit integer.
    case uint16 = 12
    /// Unsigned 32-bit integer.
    case uint32 = 13
    /// Unsigned 64-bit integer.
    case uint64 = 14
    /// Signed 8-bit integer.
    case int8 = 15
    /// Signed 16-bit integer.
    case int16 = 16
    /// Signed 32-bit integer.
    case int32 = 17
    /// Signed 64-bit integer.
    case int64 = 18
    /// JSON text.
    case json = 19
    /// BSON bytes.
    case bson = 20
    /// A 12-byte interval (months, days, milliseconds).
    case interval = 21
}

/// A value or level encoding. An open set: unknown codes are kept so that a page using one is
/// reported as unsupported instead of failing the whole footer.
public struct Encoding: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Thrift enum value.
    public var rawValue: Int32
    /// Creates an encoding from its Thrift value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Little-endian fixed width values, length-prefixed byte arrays, bit-packed booleans.
    public static let plain = Encoding(rawValue: 0)
    /// Dictionary indices (deprecated spelling, also used for dictionary pages in old files).
    public static let plainDictionary = Encoding(rawValue: 2)
    /// RLE / bit-packing hybrid (levels, booleans).
    public static let rle = Encoding(rawValue: 3)
    /// Deprecated MSB-first bit-packed levels.
    public static let bitPacked = Encoding(rawValue: 4)
    /// Delta encoding of integers.
    public static let deltaBinaryPacked = Encoding(rawValue: 5)
    /// Delta-encoded lengths then concatenated bytes.
    public static let deltaLengthByteArray = Encoding(rawValue: 6)
    /// Incremental (prefix/suffix) byte arrays.
    public static let deltaByteArray = Encoding(rawValue: 7)
    /// Dictionary indices.
    public static let rleDictionary = Encoding(rawValue: 8)
    /// Byte-stream split of fixed-width values.
    public static let byteStreamSplit = Encoding(rawValue: 9)

    /// Whether this encoding carries dictionary indices.
    public var isDictionary: Bool { self == .plainDictionary || self == .rleDictionary }

    public var description: String {
        switch rawValue {
        case 0: "PLAIN"
        case 2: "PLAIN_DICTIONARY"
        case 3: "RLE"
        case 4: "BIT_PACKED"
        case 5: "DELTA_BINARY_PACKED"
        case 6: "DELTA_LENGTH_BYTE_ARRAY"
        case 7: "DELTA_BYTE_ARRAY"
        case 8: "RLE_DICTIONARY"
        case 9: "BYTE_STREAM_SPLIT"
        case 10: "ALP"
        default: "encoding \(rawValue)"
        }
    }
}

/// A page compression codec. An open set, like `Encoding`.
public struct CompressionCodec: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Thrift enum value.
    public var rawValue: Int32
    /// Creates a codec from its Thrift value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// No compression.
    public static let uncompressed = CompressionCodec(rawValue: 0)
    /// Raw snappy blocks.
    public static let snappy = CompressionCodec(rawValue: 1)
    /// Gzip member(s).
    public static let gzip = CompressionCodec(rawValue: 2)
    /// LZO (not supported).
    public static let lzo = CompressionCodec(rawValue: 3)
    /// Brotli (not supported).
    public static let brotli = CompressionCodec(rawValue: 4)
    /// Deprecated LZ4 with Hadoop framing (or a raw block from old writers).
    public static let lz4 = CompressionCodec(rawValue: 5)
    /// Zstandard frame(s).
    public static let zstd = CompressionCodec(rawValue: 6)
    /// A raw LZ4 block.
    public static let lz4Raw = CompressionCodec(rawValue: 7)

    public var description: String {
        switch rawValue {
        case 0: "UNCOMPRESSED"
        case 1: "SNAPPY"
        case 2: "GZIP"
        case 3: "LZO"
        case 4: "BROTLI"
        case 5: "LZ4"
        case 6: "ZSTD"
        case 7: "LZ4_RAW"
        default: "codec \(rawValue)"
        }
    }
}

/// The kind of a page. An open set: unknown page types are skipped by the reader.
public struct PageType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Thrift enum value.
    public var rawValue: Int32
    /// Creates a page type from its Thrift value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// A version 1 data page.
    public static let dataPage = PageType(rawValue: 0)
    /// An index page (unused by writers).
    public static let indexPage = PageType(rawValue: 1)
    /// A dictionary page.
    public static let dictionaryPage = PageType(rawValue: 2)
    /// A version 2 data page.
    public static let dataPageV2 = PageType(rawValue: 3)

    public var description: String {
        switch rawValue {
        case 0: "DATA_PAGE"
        case 1: "INDEX_PAGE"
        case 2: "DICTIONARY_PAGE"
        case 3: "DATA_PAGE_V2"
        default: "page type \(rawValue)"
        }
    }
}

/// How the pages' min/max values in a `ColumnIndex` are ordered.
public enum BoundaryOrder: Int32, Sendable, Hashable, CaseIterable {
    /// No particular order.
    case unordered = 0
    /// Non-decreasing.
    case ascending = 1
    /// Non-increasing.
    case descending = 2
}

extension ThriftCompactReader {
    /// Reads an `i32` enum field and maps it through `init?(rawValue:)`; unknown values give `nil`.
    public mutating func readEnum<E: RawRepresentable>(_ type: ThriftType, as: E.Type = E.self) throws -> E?
    where E.RawValue == Int32 {
        E(rawValue: try readI32(type))
    }

    /// Reads an `i32` enum field that must hold a known value.
    public mutating func readKnownEnum<E: RawRepresentable>(_ type: ThriftType, as: E.Type = E.self, field: String) throws -> E
    where E.RawValue == Int32 {
        let raw = try readI32(type)
        guard let value = E(rawValue: raw) else {
            throw ParquetError(.corruptMetadata, "Thrift: unknown \(field) value \(raw)")
        }
        return value
    }
}
