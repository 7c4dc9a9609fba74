// Thrift compact serialisation of schema elements and logical types.

extension SchemaElement: ThriftEncodable {
    /// Writes the `SchemaElement` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, type)
        w.write(2, typeLength)
        w.write(3, repetitionType)
        w.write(4, name)
        w.write(5, numChildren)
        w.write(6, convertedType)
        w.write(7, scale)
        w.write(8, precision)
        w.write(9, fieldID)
        w.write(10, logicalType)
    }
}

extension LogicalType.TimeUnit: ThriftEncodable {
    /// Writes the `TimeUnit` union member.
    public func encode(thrift w: inout ThriftCompactWriter) {
        switch self {
        case .millis: w.writeEmptyStruct(1)
        case .micros: w.writeEmptyStruct(2)
        case .nanos: w.writeEmptyStruct(3)
        }
    }
}

/// The fields of a parameterised `LogicalType` member, written as a nested struct.
private struct LogicalTypeBody: ThriftEncodable {
    let write: @Sendable (inout ThriftCompactWriter) -> Void
    func encode(thrift w: inout ThriftCompactWriter) { write(&w) }
}

extension LogicalType: ThriftEncodable {
    /// Writes the `LogicalType` union member. `.other` (an unknown member read from a file) is
    /// written as an empty struct with its field id.
    public func encode(thrift w: inout ThriftCompactWriter) {
        switch self {
        case .string: w.writeEmptyStruct(1)
        case .map: w.writeEmptyStruct(2)
        case .list: w.writeEmptyStruct(3)
        case .enum: w.writeEmptyStruct(4)
        case .decimal(let scale, let precision):
            w.write(5, LogicalTypeBody { $0.write(1, scale); $0.write(2, precision) })
        case .date: w.writeEmptyStruct(6)
        case .time(let utc, let unit):
            w.write(7, LogicalTypeBody { $0.write(1, utc); $0.write(2, unit) })
        case .timestamp(let utc, let unit):
            w.write(8, LogicalTypeBody { $0.write(1, utc); $0.write(2, unit) })
        case .integer(let bitWidth, let isSigned):
            w.write(10, LogicalTypeBody { $0.write(1, bitWidth); $0.write(2, isSigned) })
        case .unknown: w.writeEmptyStruct(11)
        case .json: w.writeEmptyStruct(12)
        case .bson: w.writeEmptyStruct(13)
        case .uuid: w.writeEmptyStruct(14)
        case .float16: w.writeEmptyStruct(15)
        case .variant(let version):
            w.write(16, LogicalTypeBody { $0.write(1, version) })
        case .geometry(let crs):
            w.write(17, LogicalTypeBody { $0.write(1, crs) })
        case .geography(let crs, let algorithm):
            w.write(18, LogicalTypeBody { $0.write(1, crs); $0.write(2, algorithm) })
        case .other(let id): w.writeEmptyStruct(id)
        }
    }
}
