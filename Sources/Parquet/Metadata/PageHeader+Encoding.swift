// Thrift compact serialisation of page headers.

extension PageHeader: ThriftEncodable {
    /// Writes the `PageHeader` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, type)
        w.write(2, uncompressedPageSize)
        w.write(3, compressedPageSize)
        w.write(4, crc)
        w.write(5, dataPageHeader)
        w.write(7, dictionaryPageHeader)
        w.write(8, dataPageHeaderV2)
    }
}

extension DataPageHeader: ThriftEncodable {
    /// Writes the `DataPageHeader` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, numValues)
        w.write(2, encoding)
        w.write(3, definitionLevelEncoding)
        w.write(4, repetitionLevelEncoding)
        w.write(5, statistics)
    }
}

extension DataPageHeaderV2: ThriftEncodable {
    /// Writes the `DataPageHeaderV2` fields (`is_compressed` always, so no default is relied on).
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, numValues)
        w.write(2, numNulls)
        w.write(3, numRows)
        w.write(4, encoding)
        w.write(5, definitionLevelsByteLength)
        w.write(6, repetitionLevelsByteLength)
        w.write(7, isCompressed)
        w.write(8, statistics)
    }
}

extension DictionaryPageHeader: ThriftEncodable {
    /// Writes the `DictionaryPageHeader` fields.
    public func encode(thrift w: inout ThriftCompactWriter) {
        w.write(1, numValues)
        w.write(2, encoding)
        w.write(3, isSorted)
    }
}
