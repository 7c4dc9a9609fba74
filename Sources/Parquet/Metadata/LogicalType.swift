/// The logical annotation of a schema node (the `LogicalType` union of parquet.thrift).
public enum LogicalType: Sendable, Hashable {
    /// UTF-8 text in a BYTE_ARRAY.
    case string
    /// A map group.
    case map
    /// A list group.
    case list
    /// An enum stored as text.
    case `enum`
    /// A fixed-point decimal.
    case decimal(scale: Int32, precision: Int32)
    /// Days since the Unix epoch, in an INT32.
    case date
    /// Time of day.
    case time(isAdjustedToUTC: Bool, unit: TimeUnit)
    /// An instant (UTC-adjusted) or a local date-time.
    case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
    /// An integer of a given width and signedness.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Always-null values.
    case unknown
    /// JSON text.
    case json
    /// BSON bytes.
    case bson
    /// A 16-byte UUID.
    case uuid
    /// Half-precision float in FLBA(2).
    case float16
    /// A variant value (group).
    case variant(specificationVersion: Int8?)
    /// Geometry (WKB); the CRS is kept verbatim.
    case geometry(crs: String?)
    /// Geography (WKB); the CRS and the algorithm code are kept verbatim.
    case geography(crs: String?, algorithm: Int32?)
    /// A logical type this implementation does not know, by its union field id.
    case other(fieldID: Int16)

    /// The unit of a TIME or TIMESTAMP logical type (named apart from `Columnar.TimeUnit`).
    public enum TimeUnit: Sendable, Hashable {
        /// Milliseconds.
        case millis
        /// Microseconds.
        case micros
        /// Nanoseconds.
        case nanos
    }
}

extension LogicalType.TimeUnit: ThriftDecodable {
    /// Decodes the `TimeUnit` union.
    public init(thrift r: inout ThriftCompactReader) throws {
        var unit: LogicalType.TimeUnit?
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: try r.expect(f.type, .struct); try r.skipStruct(); unit = .millis
            case 2: try r.expect(f.type, .struct); try r.skipStruct(); unit = .micros
            case 3: try r.expect(f.type, .struct); try r.skipStruct(); unit = .nanos
            default: try r.skip(f.type)
            }
        }
        guard let unit else { throw ParquetError(.corruptMetadata, "Thrift: TimeUnit without a known unit") }
        self = unit
    }
}

extension LogicalType: ThriftDecodable {
    /// Decodes the `LogicalType` union.
    public init(thrift r: inout ThriftCompactReader) throws {
        var result: LogicalType?
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            if f.type != .struct {
                try r.skip(f.type)
                continue
            }
            switch f.id {
            case 1: try r.skipStruct(); result = .string
            case 2: try r.skipStruct(); result = .map
            case 3: try r.skipStruct(); result = .list
            case 4: try r.skipStruct(); result = .enum
            case 5: result = try Self.decodeDecimal(&r)
            case 6: try r.skipStruct(); result = .date
            case 7, 8:
                let (utc, unit) = try Self.decodeTime(&r)
                result = f.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
            case 10: result = try Self.decodeInteger(&r)
            case 11: try r.skipStruct(); result = .unknown
            case 12: try r.skipStruct(); result = .json
            case 13: try r.skipStruct(); result = .bson
            case 14: try r.skipStruct(); result = .uuid
            case 15: try r.skipStruct(); result = .float16
            case 16:
                var version: Int8?
                var l: Int16 = 0
                while let g = try r.readFieldHeader(previous: &l) {
                    if g.id == 1 { version = try r.readI8(g.type) } else { try r.skip(g.type) }
                }
                result = .variant(specificationVersion: version)
            case 17, 18:
                var crs: String?
                var algorithm: Int32?
                var l: Int16 = 0
                while let g = try r.readFieldHeader(previous: &l) {
                    switch g.id {
                    case 1: crs = try r.readString(g.type)
                    case 2 where f.id == 18: algorithm = try r.readI32(g.type)
                    default: try r.skip(g.type)
                    }
                }
                result = f.id == 17 ? .geometry(crs: crs) : .geography(crs: crs, algorithm: algorithm)
            default:
                try r.skipStruct()
                result = .other(fieldID: f.id)
            }
        }
        guard let result else { throw ParquetError(.corruptMetadata, "Thrift: empty LogicalType union") }
        self = result
    }

    private static func decodeDecimal(_ r: inout ThriftCompactReader) throws -> LogicalType {
        var scale: Int32 = 0
        var precision: Int32 = 0
        var last: Int16 = 0
        while let g = try r.readFieldHeader(previous: &last) {
            switch g.id {
            case 1: scale = try r.readI32(g.type)
            case 2: precision = try r.readI32(g.type)
            default: try r.skip(g.type)
            }
        }
        return .decimal(scale: scale, precision: precision)
    }

    private static func decodeTime(_ r: inout ThriftCompactReader) throws -> (Bool, TimeUnit) {
        var utc = false
        var unit = TimeUnit.millis
        var last: Int16 = 0
        while let g = try r.readFieldHeader(previous: &last) {
            switch g.id {
            case 1: utc = try r.readBool(g.type)
            case 2: unit = try r.readStruct(g.type, as: TimeUnit.self)
            default: try r.skip(g.type)
            }
        }
        return (utc, unit)
    }

    private static func decodeInteger(_ r: inout ThriftCompactReader) throws -> LogicalType {
        var width: Int8 = 0
        var signed = true
        var last: Int16 = 0
        while let g = try r.readFieldHeader(previous: &last) {
            switch g.id {
            case 1: width = try r.readI8(g.type)
            case 2: signed = try r.readBool(g.type)
            default: try r.skip(g.type)
            }
        }
        return .integer(bitWidth: width, isSigned: signed)
    }
}

/// The sort order used for a leaf's `min_value`/`max_value` statistics (`ColumnOrder` union).
public enum ColumnOrder: Sendable, Hashable {
    /// The order of the logical type, else of the physical type.
    case typeDefinedOrder
    /// IEEE 754 total order for floats.
    case ieee754TotalOrder
    /// Order of INT96 timestamps.
    case int96TimestampOrder
    /// An order unknown to this implementation: statistics must not be used.
    case undefined(fieldID: Int16)
}

extension ColumnOrder: ThriftDecodable {
    /// Decodes the `ColumnOrder` union.
    public init(thrift r: inout ThriftCompactReader) throws {
        var result: ColumnOrder = .undefined(fieldID: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            try r.skip(f.type)
            switch f.id {
            case 1: result = .typeDefinedOrder
            case 2: result = .ieee754TotalOrder
            case 3: result = .int96TimestampOrder
            default: result = .undefined(fieldID: f.id)
            }
        }
        self = result
    }
}
