/// One node of the flattened (depth-first) schema in `FileMetaData.schema`.
public struct SchemaElement: Sendable, Hashable {
    /// The physical type (leaves only; `nil` for groups).
    public var type: PhysicalType?
    /// The byte width of FIXED_LEN_BYTE_ARRAY values (or the bit width for legacy INT96/other uses).
    public var typeLength: Int32?
    /// Required, optional or repeated (the root may have none).
    public var repetitionType: FieldRepetitionType?
    /// The node name.
    public var name: String
    /// The number of children (groups only; `nil` for leaves).
    public var numChildren: Int32?
    /// The deprecated annotation.
    public var convertedType: ConvertedType?
    /// DECIMAL scale (deprecated location; see `logicalType`).
    public var scale: Int32?
    /// DECIMAL precision (deprecated location; see `logicalType`).
    public var precision: Int32?
    /// The application field id.
    public var fieldID: Int32?
    /// The logical annotation.
    public var logicalType: LogicalType?

    /// Creates a schema element.
    public init(
        type: PhysicalType? = nil, typeLength: Int32? = nil, repetitionType: FieldRepetitionType? = nil,
        name: String, numChildren: Int32? = nil, convertedType: ConvertedType? = nil,
        scale: Int32? = nil, precision: Int32? = nil, fieldID: Int32? = nil, logicalType: LogicalType? = nil
    ) {
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.name = name
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldID = fieldID
        self.logicalType = logicalType
    }
}

extension SchemaElement: ThriftDecodable {
    /// Decodes a `SchemaElement` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        var name: String?
        self.init(name: "")
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: type = try r.readKnownEnum(f.type, field: "physical type")
            case 2: typeLength = try r.readI32(f.type)
            case 3: repetitionType = try r.readKnownEnum(f.type, field: "repetition type")
            case 4: name = try r.readString(f.type)
            case 5: numChildren = try r.readI32(f.type)
            case 6: convertedType = try r.readEnum(f.type)
            case 7: scale = try r.readI32(f.type)
            case 8: precision = try r.readI32(f.type)
            case 9: fieldID = try r.readI32(f.type)
            case 10: logicalType = try r.readStruct(f.type)
            default: try r.skip(f.type)
            }
        }
        guard let name else { throw ParquetError(.corruptMetadata, "Thrift: SchemaElement without a name") }
        self.name = name
    }
}
