/// A column the rows of a row group are sorted by.
public struct SortingColumn: Sendable, Hashable {
    /// The leaf index in the row group's columns.
    public var columnIndex: Int32
    /// Whether the order is descending.
    public var descending: Bool
    /// Whether nulls sort first.
    public var nullsFirst: Bool

    /// Creates a sorting column.
    public init(columnIndex: Int32, descending: Bool = false, nullsFirst: Bool = false) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

extension SortingColumn: ThriftDecodable {
    /// Decodes a `SortingColumn` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(columnIndex: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: columnIndex = try r.readI32(f.type)
            case 2: descending = try r.readBool(f.type)
            case 3: nullsFirst = try r.readBool(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// One column chunk of a row group: where it lives and its metadata.
public struct ColumnChunk: Sendable, Hashable {
    /// The file holding the chunk, relative to the file holding this metadata (`_metadata` files);
    /// `nil` means the same file.
    public var filePath: String?
    /// Deprecated and unreliable; readers ignore it. Writers write 0.
    public var fileOffset: Int64
    /// The chunk metadata (absent only in encrypted files).
    public var metaData: ColumnMetaData?
    /// Offset of this chunk's `OffsetIndex`.
    public var offsetIndexOffset: Int64?
    /// Length of this chunk's `OffsetIndex`.
    public var offsetIndexLength: Int32?
    /// Offset of this chunk's `ColumnIndex`.
    public var columnIndexOffset: Int64?
    /// Length of this chunk's `ColumnIndex`.
    public var columnIndexLength: Int32?
    /// Whether the chunk has column-level encryption metadata (unsupported).
    public var isEncrypted: Bool

    /// Creates a column chunk.
    public init(
        filePath: String? = nil, fileOffset: Int64 = 0, metaData: ColumnMetaData? = nil,
        offsetIndexOffset: Int64? = nil, offsetIndexLength: Int32? = nil,
        columnIndexOffset: Int64? = nil, columnIndexLength: Int32? = nil, isEncrypted: Bool = false
    ) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
        self.isEncrypted = isEncrypted
    }
}

extension ColumnChunk: ThriftDecodable {
    /// Decodes a `ColumnChunk` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init()
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: filePath = try r.readString(f.type)
            case 2: fileOffset = try r.readI64(f.type)
            case 3: metaData = try r.readStruct(f.type)
            case 4: offsetIndexOffset = try r.readI64(f.type)
            case 5: offsetIndexLength = try r.readI32(f.type)
            case 6: columnIndexOffset = try r.readI64(f.type)
            case 7: columnIndexLength = try r.readI32(f.type)
            case 8, 9: isEncrypted = true; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}

/// A horizontal slice of the table: one chunk per leaf column.
public struct RowGroup: Sendable, Hashable {
    /// One chunk per leaf, in schema order.
    public var columns: [ColumnChunk]
    /// Total uncompressed bytes of the chunks.
    public var totalByteSize: Int64
    /// The number of rows.
    public var numRows: Int64
    /// The columns the rows are sorted by.
    public var sortingColumns: [SortingColumn]?
    /// Offset of the first page (unreliable in old writers).
    public var fileOffset: Int64?
    /// Total compressed bytes of the chunks.
    public var totalCompressedSize: Int64?
    /// The row group's position in the file.
    public var ordinal: Int16?

    /// Creates a row group.
    public init(
        columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64, sortingColumns: [SortingColumn]? = nil,
        fileOffset: Int64? = nil, totalCompressedSize: Int64? = nil, ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }
}

extension RowGroup: ThriftDecodable {
    /// Decodes a `RowGroup` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(columns: [], totalByteSize: 0, numRows: 0)
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: columns = try r.readStructList(f.type)
            case 2: totalByteSize = try r.readI64(f.type)
            case 3: numRows = try r.readI64(f.type)
            case 4: sortingColumns = try r.readStructList(f.type)
            case 5: fileOffset = try r.readI64(f.type)
            case 6: totalCompressedSize = try r.readI64(f.type)
            case 7: ordinal = try r.readI16(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}
