/// Per-page min/max values of one column chunk (the page index's `ColumnIndex`).
public struct ColumnIndex: Sendable, Hashable {
    /// Whether each page holds only nulls (its bounds are then meaningless).
    public var nullPages: [Bool]
    /// Each page's minimum, PLAIN-encoded without a length prefix.
    public var minValues: [[UInt8]]
    /// Each page's maximum, PLAIN-encoded without a length prefix.
    public var maxValues: [[UInt8]]
    /// How the bounds are ordered across pages.
    public var boundaryOrder: BoundaryOrder
    /// Each page's null count.
    public var nullCounts: [Int64]?
    /// Repetition-level histograms, concatenated per page.
    public var repetitionLevelHistograms: [Int64]?
    /// Definition-level histograms, concatenated per page.
    public var definitionLevelHistograms: [Int64]?

    /// Creates a column index.
    public init(nullPages: [Bool], minValues: [[UInt8]], maxValues: [[UInt8]], boundaryOrder: BoundaryOrder,
                nullCounts: [Int64]? = nil, repetitionLevelHistograms: [Int64]? = nil,
                definitionLevelHistograms: [Int64]? = nil) {
        self.nullPages = nullPages
        self.minValues = minValues
        self.maxValues = maxValues
        self.boundaryOrder = boundaryOrder
        self.nullCounts = nullCounts
        self.repetitionLevelHistograms = repetitionLevelHistograms
        self.definitionLevelHistograms = definitionLevelHistograms
    }
}

extension ColumnIndex: ThriftDecodable {
    /// Decodes a `ColumnIndex` struct; the three per-page lists must have equal lengths.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(nullPages: [], minValues: [], maxValues: [], boundaryOrder: .unordered)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: nullPages = try r.readBoolList(f.type)
            case 2: minValues = try r.readBinaryList(f.type)
            case 3: maxValues = try r.readBinaryList(f.type)
            case 4: boundaryOrder = try r.readEnum(f.type) ?? .unordered
            case 5: nullCounts = try r.readI64List(f.type)
            case 6: repetitionLevelHistograms = try r.readI64List(f.type)
            case 7: definitionLevelHistograms = try r.readI64List(f.type)
            default: try r.skip(f.type)
            }
        }
        guard nullPages.count == minValues.count, minValues.count == maxValues.count else {
            throw ParquetError(.corruptMetadata, "ColumnIndex lists have different lengths")
        }
    }
}

/// Where one page of a chunk lives, and its first row.
public struct PageLocation: Sendable, Hashable {
    /// The page's file offset (at its header).
    public var offset: Int64
    /// The page's size including its header.
    public var compressedPageSize: Int32
    /// The index, within the row group, of the page's first row.
    public var firstRowIndex: Int64

    /// Creates a page location.
    public init(offset: Int64, compressedPageSize: Int32, firstRowIndex: Int64) {
        self.offset = offset
        self.compressedPageSize = compressedPageSize
        self.firstRowIndex = firstRowIndex
    }
}

extension PageLocation: ThriftDecodable {
    /// Decodes a `PageLocation` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(offset: 0, compressedPageSize: 0, firstRowIndex: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: offset = try r.readI64(f.type)
            case 2: compressedPageSize = try r.readI32(f.type)
            case 3: firstRowIndex = try r.readI64(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// The locations of a chunk's data pages (the page index's `OffsetIndex`).
public struct OffsetIndex: Sendable, Hashable {
    /// One entry per data page, in order.
    public var pageLocations: [PageLocation]
    /// Unencoded BYTE_ARRAY bytes per page.
    public var unencodedByteArrayDataBytes: [Int64]?

    /// Creates an offset index.
    public init(pageLocations: [PageLocation], unencodedByteArrayDataBytes: [Int64]? = nil) {
        self.pageLocations = pageLocations
        self.unencodedByteArrayDataBytes = unencodedByteArrayDataBytes
    }
}

extension OffsetIndex: ThriftDecodable {
    /// Decodes an `OffsetIndex` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(pageLocations: [])
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: pageLocations = try r.readStructList(f.type)
            case 2: unencodedByteArrayDataBytes = try r.readI64List(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}
