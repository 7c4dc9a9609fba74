// Thrift compact serialisation of column metadata and statistics.

extension ColumnMetaData: ThriftEncodable {
    /// Writes the `ColumnMetaData` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, type)
        w.write(2, encodings)
        w.write(3, pathInSchema)
        w.write(4, codec)
        w.write(5, numValues)
        w.write(6, totalUncompressedSize)
        w.write(7, totalCompressedSize)
        w.write(8, keyValueMetadata)
        w.write(9, dataPageOffset)
        w.write(10, indexPageOffset)
        w.write(11, dictionaryPageOffset)
        w.write(12, statistics)
        w.write(13, encodingStats)
        w.write(14, bloomFilterOffset)
        w.write(15, bloomFilterLength)
        w.write(16, sizeStatistics)
    }
}

extension PageEncodingStats: ThriftEncodable {
    /// Writes the `PageEncodingStats` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, pageType)
        w.write(2, encoding)
        w.write(3, count)
    }
}

extension SizeStatistics: ThriftEncodable {
    /// Writes the `SizeStatistics` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, unencodedByteArrayDataBytes)
        w.write(2, repetitionLevelHistogram)
        w.write(3, definitionLevelHistogram)
    }
}

extension Statistics: ThriftEncodable {
    /// Writes the `Statistics` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, max)
        w.write(2, min)
        w.write(3, nullCount)
        w.write(4, distinctCount)
        w.write(5, maxValue)
        w.write(6, minValue)
        w.write(7, isMaxValueExact)
        w.write(8, isMinValueExact)
        w.write(9, nanCount)
    }
}
