import Testing
@testable import Parquet

/// Decoding of hand-built Thrift compact-protocol bytes.
@Suite struct ThriftReaderTests {
    @Test func varintsAndZigzag() throws {
        let bytes: [UInt8] = [0x96, 0x01, 0x03, 0x04, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F]
        let (values, left) = try bytes.withUnsafeBytes { raw throws -> ([Int64], Int) in
            var reader = ThriftCompactReader(raw)
            let a = Int64(try reader.readVarint())
            let b = Int64(try reader.readI32())
            let c = Int64(try reader.readI32())
            let d = Int64(try reader.readI32())
            return ([a, b, c, d], reader.remaining)
        }
        #expect(values == [150, -2, 2, Int64(Int32.max)])
        #expect(left == 0)
    }

    @Test func shortAndLongFieldHeaders() throws {
        // KeyValue: field 1 (short form, binary) "k", then field 2 in long form (type binary, id 2) "v", stop.
        let bytes: [UInt8] = [0x18, 0x01, 0x6B, 0x08, 0x04, 0x01, 0x76, 0x00]
        let (kv, used) = try ThriftCompactReader.decode(KeyValue.self, from: bytes)
        #expect(kv == KeyValue(key: "k", value: "v"))
        #expect(used == bytes.count)
    }

    @Test func boolFieldsAndUnknownFieldsAreSkipped() throws {
        // SortingColumn: 1 i32 = 3, unknown field 20 (long form) holding a struct with a list and a
        // nested struct, 2 bool true, 3 bool false, unknown field 32767 (long) i64.
        let bytes: [UInt8] = [
            0x15, 0x06,                         // field 1 i32 3
            0x0C, 0x28,                         // field 20 struct (long form, zigzag id 40)
            0x19, 0x25, 0x02, 0x04,             //   field 1 list<i32> [1, 2]
            0x1C, 0x18, 0x01, 0x61, 0x00,       //   field 2 struct { 1: "a" }
            0x00,                               // end of the unknown struct
            0x01, 0x04,                         // field 2 bool true (long form: the id goes down)
            0x12,                               // field 3 bool false
            0x06, 0xFE, 0xFF, 0x03, 0x02,       // field 32767 i64 1 (long form)
            0x00,
        ]
        let (column, _) = try ThriftCompactReader.decode(SortingColumn.self, from: bytes)
        #expect(column.columnIndex == 3)
        #expect(column.descending == true)
        #expect(column.nullsFirst == false)
    }

    @Test func boolListsAcceptBothEncodings() throws {
        // ColumnIndex.null_pages as pyarrow writes them (element type 1, false = 2) and as Java does (type 2, false = 0).
        for (elementType, falseByte) in [(UInt8(1), UInt8(2)), (2, 0)] {
            let bytes: [UInt8] = [
                0x19, 0x30 | elementType, 0x01, falseByte, 0x01,     // 1: list<bool> [true, false, true]
                0x19, 0x38, 0x00, 0x00, 0x00,                        // 2: list<binary> ["", "", ""]
                0x19, 0x38, 0x00, 0x00, 0x00,                        // 3: list<binary>
                0x15, 0x02,                                          // 4: boundary order ASCENDING
                0x00,
            ]
            let (index, _) = try ThriftCompactReader.decode(ColumnIndex.self, from: bytes)
            #expect(index.nullPages == [true, false, true])
            #expect(index.boundaryOrder == .ascending)
        }
    }

    @Test func longListHeaderAndMapSkipping() throws {
        // OffsetIndex with an unknown map field (id 5) before a 16-element i64 list in field 2.
        var bytes: [UInt8] = [0x5B, 0x01, 0x58, 0x02, 0x01, 0x78] // field 5 map<i32,binary> {1:"x"}
        bytes += [0x19, 0x0C]                                           // field 6 list<struct> [] — skipped
        bytes += [0x09, 0x04, 0xF6, 0x10] + [UInt8](repeating: 0x02, count: 16) // field 2 (long form) list<i64> × 16
        bytes += [0x00]
        let (index, used) = try ThriftCompactReader.decode(OffsetIndex.self, from: bytes)
        #expect(index.unencodedByteArrayDataBytes == [Int64](repeating: 1, count: 16))
        #expect(index.pageLocations.isEmpty)
        #expect(used == bytes.count)
    }

    @Test func logicalTypeUnion() throws {
        // TIMESTAMP { isAdjustedToUTC: true, unit: MICROS {} }
        let bytes: [UInt8] = [0x8C, 0x11, 0x1C, 0x2C, 0x00, 0x00, 0x00, 0x00]
        let (logical, _) = try ThriftCompactReader.decode(LogicalType.self, from: bytes)
        #expect(logical == .timestamp(isAdjustedToUTC: true, unit: .micros))
        // INTEGER { bitWidth: 8, isSigned: false }
        let integer: [UInt8] = [0xAC, 0x13, 0x08, 0x12, 0x00, 0x00]
        #expect(try ThriftCompactReader.decode(LogicalType.self, from: integer).0 == .integer(bitWidth: 8, isSigned: false))
    }

    @Test func malformedInputThrows() {
        let cases: [[UInt8]] = [
            [],                                   // no stop byte
            [0x18, 0x05, 0x61],                   // binary longer than the data
            [0x19, 0xF8, 0xFF, 0xFF, 0xFF, 0x7F], // list count past the end
            [0x1E],                               // unknown field type 14
            [0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], // varint too long
        ]
        for bytes in cases {
            #expect(throws: ParquetError.self) { _ = try ThriftCompactReader.decode(KeyValue.self, from: bytes) }
        }
    }

    @Test func deepNestingIsRejected() {
        // Unknown field 3 holding structs nested 100 deep.
        var bytes: [UInt8] = [0x3C]
        bytes += [UInt8](repeating: 0x1C, count: 100)
        bytes += [UInt8](repeating: 0x00, count: 102)
        #expect(throws: ParquetError.self) { _ = try ThriftCompactReader.decode(KeyValue.self, from: bytes) }
    }
}
