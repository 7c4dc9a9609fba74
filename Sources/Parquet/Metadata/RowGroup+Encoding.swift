// Thrift compact serialisation of row groups and column chunks.

extension RowGroup: ThriftEncodable {
    /// Writes the `RowGroup` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, columns)
        w.write(2, totalByteSize)
        w.write(3, numRows)
        w.write(4, sortingColumns)
        w.write(5, fileOffset)
        w.write(6, totalCompressedSize)
        w.write(7, ordinal)
    }
}

extension SortingColumn: ThriftEncodable {
    /// Writes the `SortingColumn` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, columnIndex)
        w.write(2, descending)
        w.write(3, nullsFirst)
    }
}

extension ColumnChunk: ThriftEncodable {
    /// Writes the `ColumnChunk` fields (never the encryption fields).
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, filePath)
        w.write(2, fileOffset)
        w.write(3, metaData)
        w.write(4, offsetIndexOffset)
        w.write(5, offsetIndexLength)
        w.write(6, columnIndexOffset)
        w.write(7, columnIndexLength)
    }
}
