import Testing
@testable import Parquet

@Suite("Thrift compact writer")
struct WriterThriftTests {
    func decode<T: ThriftDecodable>(_ bytes: [UInt8], as: T.Type) throws -> T {
        try bytes.withUnsafeBytes { try ThriftCompactReader.decode(T.self, from: $0).0 }
    }

    @Test("known bytes: field headers, zigzag, lists, booleans")
    func knownBytes() {
        var w = ThriftCompactWriter()
        w.write(1, Int32(2))                 // 15 04: field 1, i32, zigzag(2) = 4
        w.write(3, Int32(0))                 // 25 00: delta 2
        w.write(4, "schema")                 // 18 06 'schema'
        w.write(20, Int64(-1))               // long form: 06 28 01 (id zigzag 40), value zigzag(-1) = 1
        w.write(21, true)                    // 11: delta 1, BOOL_TRUE
        w.write(22, [true, false])           // 19 21 01 00: list of 2 bools, element type 1
        #expect(w.bytes == [0x15, 0x04, 0x25, 0x00, 0x18, 0x06] + Array("schema".utf8)
            + [0x06, 0x28, 0x01, 0x11, 0x19, 0x21, 0x01, 0x00])
        var big = ThriftCompactWriter()
        big.write(1, [Int64](repeating: 1, count: 20)) // 19 F6 14 then 20 × 02
        #expect(Array(big.bytes.prefix(3)) == [0x19, 0xF6, 0x14])
        #expect(big.bytes.count == 3 + 20)
    }

    @Test("every logical type and column order survives the reader")
    func logicalTypes() throws {
        let types: [LogicalType] = [
            .string, .map, .list, .enum, .decimal(scale: 2, precision: 10), .date,
            .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .nanos),
            .timestamp(isAdjustedToUTC: true, unit: .micros), .integer(bitWidth: 8, isSigned: false),
            .integer(bitWidth: 64, isSigned: true), .unknown, .json, .bson, .uuid, .float16,
        ]
        for type in types {
            let element = SchemaElement(type: .int32, repetitionType: .optional, name: "x", logicalType: type)
            #expect(try decode(ThriftCompactWriter.encode(element), as: SchemaElement.self) == element)
        }
        for order in [ColumnOrder.typeDefinedOrder, .ieee754TotalOrder] {
            #expect(try decode(ThriftCompactWriter.encode(order), as: ColumnOrder.self) == order)
        }
    }

    @Test("page headers, statistics and page index structs round trip")
    func structs() throws {
        let stats = Statistics(max: [1], min: [0], nullCount: 3, distinctCount: 2, maxValue: [9, 9], minValue: [],
                               isMaxValueExact: true, isMinValueExact: false, nanCount: 1)
        let v1 = PageHeader(type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 50, crc: -7,
                            dataPageHeader: DataPageHeader(numValues: 10, encoding: .rleDictionary, statistics: stats))
        #expect(try decode(ThriftCompactWriter.encode(v1), as: PageHeader.self) == v1)
        let v2 = PageHeader(type: .dataPageV2, uncompressedPageSize: 1, compressedPageSize: 1,
                            dataPageHeaderV2: DataPageHeaderV2(numValues: 3, numNulls: 1, numRows: 2, encoding: .plain,
                                                               definitionLevelsByteLength: 2, repetitionLevelsByteLength: 0,
                                                               isCompressed: false))
        #expect(try decode(ThriftCompactWriter.encode(v2), as: PageHeader.self) == v2)
        let dict = PageHeader(type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 1,
                              dictionaryPageHeader: DictionaryPageHeader(numValues: 0, isSorted: false))
        #expect(try decode(ThriftCompactWriter.encode(dict), as: PageHeader.self) == dict)
        let index = ColumnIndex(nullPages: [true, false], minValues: [[], [1, 2]], maxValues: [[], [3]],
                                boundaryOrder: .ascending, nullCounts: [4, 0])
        #expect(try decode(ThriftCompactWriter.encode(index), as: ColumnIndex.self) == index)
        let offsets = OffsetIndex(pageLocations: [PageLocation(offset: 4, compressedPageSize: 30, firstRowIndex: 0),
                                                  PageLocation(offset: 1 << 40, compressedPageSize: 7, firstRowIndex: 99)])
        #expect(try decode(ThriftCompactWriter.encode(offsets), as: OffsetIndex.self) == offsets)
    }
}
