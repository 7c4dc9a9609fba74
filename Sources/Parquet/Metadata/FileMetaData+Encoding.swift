// Thrift compact serialisation of the footer structs (field ids as in parquet.thrift).

extension FileMetaData: ThriftEncodable {
    /// Writes the `FileMetaData` fields. The encryption fields are never written.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, version)
        w.write(2, schema)
        w.write(3, numRows)
        w.write(4, rowGroups)
        w.write(5, keyValueMetadata)
        w.write(6, createdBy)
        w.write(7, columnOrders)
    }
}

extension KeyValue: ThriftEncodable {
    /// Writes the `KeyValue` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, key)
        w.write(2, value)
    }
}

extension ColumnOrder: ThriftEncodable {
    /// Writes the `ColumnOrder` union member.
    public func encode(thrift w: inout ThriftCompactWriter) {
        switch self {
        case .typeDefinedOrder: w.writeEmptyStruct(1)
        case .ieee754TotalOrder: w.writeEmptyStruct(2)
        case .int96TimestampOrder: w.writeEmptyStruct(3)
        case .undefined(let id): if id > 0 { w.writeEmptyStruct(id) }
        }
    }
}
