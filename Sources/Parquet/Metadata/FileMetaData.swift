/// The file footer: schema, row groups and file-level metadata.
public struct FileMetaData: Sendable, Hashable {
    /// The format version (1 or 2; informational).
    public var version: Int32
    /// The flattened schema; element 0 is the root.
    public var schema: [SchemaElement]
    /// The total number of rows.
    public var numRows: Int64
    /// The row groups (none in `_common_metadata`).
    public var rowGroups: [RowGroup]
    /// File-level key/value metadata (e.g. `ARROW:schema`).
    public var keyValueMetadata: [KeyValue]?
    /// The writing application, e.g. `parquet-cpp-arrow version 26.0.1`.
    public var createdBy: String?
    /// The statistics sort order of each leaf.
    public var columnOrders: [ColumnOrder]?
    /// Whether the footer declares an encryption algorithm (plaintext-footer mode; unsupported).
    public var isEncrypted: Bool

    /// Creates file metadata.
    public init(
        version: Int32 = 2, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup],
        keyValueMetadata: [KeyValue]? = nil, createdBy: String? = nil, columnOrders: [ColumnOrder]? = nil,
        isEncrypted: Bool = false
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.isEncrypted = isEncrypted
    }

    /// The value of a key in the file-level key/value metadata.
    public func metadataValue(forKey key: String) -> String? {
        keyValueMetadata?.first { $0.key == key }?.value
    }
}

extension FileMetaData: ThriftDecodable {
    /// Decodes a `FileMetaData` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init(version: 0, schema: [], numRows: 0, rowGroups: [])
        var sawSchema = false
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: version = try r.readI32(f.type)
            case 2: schema = try r.readStructList(f.type); sawSchema = true
            case 3: numRows = try r.readI64(f.type)
            case 4: rowGroups = try r.readStructList(f.type)
            case 5: keyValueMetadata = try r.readStructList(f.type)
            case 6: createdBy = try r.readString(f.type)
            case 7: columnOrders = try r.readStructList(f.type)
            case 8, 9: isEncrypted = true; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
        guard sawSchema, !schema.isEmpty else { throw ParquetError(.corruptMetadata, "Thrift: FileMetaData without a schema") }
    }
}
