// Thrift compact serialisation of the page index (ColumnIndex, OffsetIndex).

extension ColumnIndex: ThriftEncodable {
    /// Writes the `ColumnIndex` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, nullPages)
        w.write(2, minValues)
        w.write(3, maxValues)
        w.write(4, boundaryOrder)
        w.write(5, nullCounts)
        w.write(6, repetitionLevelHistograms)
        w.write(7, definitionLevelHistograms)
    }
}

extension OffsetIndex: ThriftEncodable {
    /// Writes the `OffsetIndex` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, pageLocations)
        w.write(2, unencodedByteArrayDataBytes)
    }
}

extension PageLocation: ThriftEncodable {
    /// Writes the `PageLocation` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, offset)
        w.write(2, compressedPageSize)
        w.write(3, firstRowIndex)
    }
}
