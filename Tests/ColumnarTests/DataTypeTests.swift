import Testing
@testable import Columnar

@Suite struct DataTypeTests {
    @Test func namesArePyarrows() {
        let cases: [(DataType, String)] = [
            (.bool, "bool"), (.int8, "int8"), (.int16, "int16"), (.int32, "int32"), (.int64, "int64"),
            (.uint8, "uint8"), (.uint16, "uint16"), (.uint32, "uint32"), (.uint64, "uint64"),
            (.float32, "float"), (.float64, "double"),
            (.string, "string"), (.largeString, "large_string"), (.binary, "binary"), (.largeBinary, "large_binary"),
            (.fixedSizeBinary(byteWidth: 16), "fixed_size_binary[16]"),
            (.timestamp(.microsecond), "timestamp[us]"),
            (.timestamp(.nanosecond, timezone: "UTC"), "timestamp[ns, tz=UTC]"),
            (.timestamp(.millisecond, timezone: "Europe/Paris"), "timestamp[ms, tz=Europe/Paris]"),
            (.date32, "date32[day]"), (.date64, "date64[ms]"),
            (.time32(.millisecond), "time32[ms]"), (.time64(.microsecond), "time64[us]"),
            (.duration(.second), "duration[s]"),
            (.decimal(precision: 10, scale: 2, storage: .int64), "decimal128(10, 2)"),
            (.decimal(precision: 50, scale: 0, storage: .bigEndian(byteWidth: 32)), "decimal256(50, 0)"),
            (.list(of: .float64), "list<element: double>"),
            (.list(Field("item", .int64, nullable: false)), "list<item: int64 not null>"),
            (.largeList(Field("element", .string)), "large_list<element: string>"),
            (.struct([Field("a", .int64), Field("b", .string)]), "struct<a: int64, b: string>"),
            (.list(of: .struct([Field("x", .float32)])), "list<element: struct<x: float>>"),
        ]
        for (type, name) in cases {
            #expect(type.description == name)
        }
    }

    @Test func widthsAndKinds() {
        #expect(DataType.float64.byteWidth == 8)
        #expect(DataType.date32.byteWidth == 4)
        #expect(DataType.timestamp(.second).byteWidth == 8)
        #expect(DataType.bool.byteWidth == nil)
        #expect(DataType.string.byteWidth == nil)
        #expect(DataType.int32.isInteger && DataType.int32.isNumeric && !DataType.int32.isFloatingPoint)
        #expect(DataType.float32.isFloatingPoint)
        #expect(DataType.largeString.isString && DataType.binary.isVariableLength && !DataType.binary.isString)
    }

    @Test func columnsFromSwiftArraysHaveDefaultTypes() {
        #expect(Column([1.0]).type == .float64)
        #expect(Column([Float(1)]).type == .float32)
        #expect(Column([Int64(1)]).type == .int64)
        #expect(Column([1, 2, nil]).type == .int64)
        #expect(Column([1, 2]).values(as: Int.self)[1] == 2)
        #expect(Column([1, 2]) == Column([Int64(1), 2]))
        #expect(Column([Int32(1), nil]).type == .int32)
        #expect(Column([UInt8(1)]).type == .uint8)
        #expect(Column([true]).type == .bool)
        #expect(Column(["x"]).type == .string)
        #expect(Column([[1.0]] as [[Double]?]).type.description == "list<element: double>")
    }

    @Test func schemaLookupAndPrinting() throws {
        let schema = Schema([Field("ra", .float64, nullable: false), Field("name", .string)], metadata: ["k": "v"])
        #expect(schema.names == ["ra", "name"])
        #expect(try schema.index(of: "name") == 1)
        #expect(schema["ra"]?.nullable == false)
        #expect(schema.description == "ra: double not null\nname: string")
        #expect(throws: ColumnarError.unknownColumn("dec", available: ["ra", "name"])) { try schema.field(named: "dec") }
    }
}
