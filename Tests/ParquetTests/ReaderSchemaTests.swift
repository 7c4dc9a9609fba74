import Columnar
import Testing
@testable import Parquet

/// Schema trees, levels and the list shapes of LogicalTypes.md's backward-compatibility rules.
@Suite struct ReaderSchemaTests {
    static func leaf(_ name: String, _ type: PhysicalType, _ repetition: FieldRepetitionType,
                     converted: ConvertedType? = nil) -> SchemaElement {
        SchemaElement(type: type, repetitionType: repetition, name: name, convertedType: converted)
    }

    static func group(_ name: String, _ repetition: FieldRepetitionType, children: Int32,
                      converted: ConvertedType? = nil) -> SchemaElement {
        SchemaElement(repetitionType: repetition, name: name, numChildren: children, convertedType: converted)
    }

    static let legacy: [SchemaElement] = [
        SchemaElement(name: "spark_schema", numChildren: 5),
        group("a", .optional, children: 1, converted: .list),           // 2-level: repeated primitive
        leaf("array", .int32, .repeated),
        group("b", .optional, children: 1, converted: .list),           // Spark: bag { array }
        group("bag", .repeated, children: 1),
        leaf("array", .int64, .optional),
        leaf("c", .int32, .repeated),                                    // unannotated repeated field
        group("d", .optional, children: 1, converted: .list),           // repeated group named array = element
        group("array", .repeated, children: 2),
        leaf("x", .byteArray, .required, converted: .utf8),
        leaf("y", .int32, .required),
        group("m", .optional, children: 1, converted: .map),
        group("key_value", .repeated, children: 2),
        leaf("key", .byteArray, .required, converted: .utf8),
        leaf("value", .int32, .optional),
    ]

    @Test func levelsAndPaths() throws {
        let schema = try ParquetSchema(elements: Self.legacy)
        #expect(schema.leaves.map(\.dottedPath) == ["a.array", "b.bag.array", "c", "d.array.x", "d.array.y",
                                                    "m.key_value.key", "m.key_value.value"])
        #expect(schema.leaves.map(\.maxDefinitionLevel) == [2, 3, 1, 2, 2, 2, 3])
        #expect(schema.leaves.map(\.maxRepetitionLevel) == [1, 1, 1, 1, 1, 1, 1])
    }

    @Test func legacyListShapes() throws {
        let schema = try ParquetSchema(elements: Self.legacy)
        let types = schema.columnarSchema.fields.map(\.description)
        #expect(types == [
            "a: list<array: int32 not null>",
            "b: list<array: int64>",
            "c: list<c: int32 not null> not null",
            "d: list<array: struct<x: string not null, y: int32 not null> not null>",
            "m: list<key_value: struct<key: string not null, value: int32> not null>",
        ])
    }

    @Test func badTreesThrow() {
        let cases: [[SchemaElement]] = [
            [],
            [SchemaElement(name: "root", numChildren: 2), Self.leaf("x", .int32, .required)],
            [SchemaElement(name: "root", numChildren: 1), Self.group("g", .optional, children: 5)],
            [SchemaElement(name: "root", numChildren: 1), SchemaElement(type: .fixedLenByteArray, name: "f")],
        ]
        for elements in cases {
            #expect(throws: ParquetError.self) { _ = try ParquetSchema(elements: elements) }
        }
    }

    /// Rows `[1, 2]`, null, `[]`, `[3]` of the 2-level list `a`, assembled from hand-made levels.
    @Test func twoLevelListAssembly() throws {
        let schema = try ParquetSchema(elements: Array(Self.legacy[0...2]).enumerated().map {
            $0.offset == 0 ? SchemaElement(name: "root", numChildren: 1) : $0.element
        })
        var chunk = DecodedChunk(descriptor: schema.leaves[0], maxValuesPerPage: 100)
        chunk.repetitionLevels = [0, 1, 0, 0, 0]
        chunk.definitionLevels = [2, 2, 0, 1, 2]
        chunk.entryCount = 5
        for v: Int32 in [1, 2, 3] { withUnsafeBytes(of: v) { chunk.fixed.append(contentsOf: Array($0)) } }
        chunk.valueCount = 3
        let shape = try ColumnShape(schema.root.children[0])
        let column = try ColumnAssembler(chunks: [0: chunk]).assembleTopLevel(shape, rows: 4)
        #expect(column.count == 4)
        #expect(column.isNull(1))
        #expect(!column.isNull(2))
        let values = column.children[0].toArray(of: Int32.self)
        #expect(Array(values[column.listRange(at: 0)]) == [1, 2])
        #expect(column.listRange(at: 2).isEmpty)
        #expect(Array(values[column.listRange(at: 3)]) == [3])
        // A level count that disagrees with the row count is an error, not a crash.
        #expect(throws: ParquetError.self) { _ = try ColumnAssembler(chunks: [0: chunk]).assembleTopLevel(shape, rows: 5) }
    }

    @Test func convertedTypeOnlyAnnotations() throws {
        let elements: [SchemaElement] = [
            SchemaElement(name: "duckdb_schema", numChildren: 6),
            Self.leaf("s", .byteArray, .optional, converted: .utf8),
            Self.leaf("i8", .int32, .optional, converted: .int8),
            Self.leaf("u16", .int32, .optional, converted: .uint16),
            Self.leaf("u64", .int64, .optional, converted: .uint64),
            Self.leaf("ts", .int64, .optional, converted: .timestampMicros),
            Self.leaf("t96", .int96, .optional),
        ]
        let schema = try ParquetSchema(elements: elements)
        #expect(schema.columnarSchema.fields.map { "\($0.type)" } ==
                ["string", "int8", "uint16", "uint64", "timestamp[us, tz=UTC]", "timestamp[ns]"])
    }

    /// The deprecated BIT_PACKED level encoding packs from the most significant bit.
    @Test func bitPackedLevels() throws {
        var out = [UInt32](repeating: 0, count: 8)
        let used = try [UInt8]([0x05, 0x39, 0x77]).withUnsafeBytes {
            try ColumnChunkDecoder.unpackMSBFirst($0, bitWidth: 3, into: &out)
        }
        #expect(used == 3)
        #expect(out == [0, 1, 2, 3, 4, 5, 6, 7])
        var tooMany = [UInt32](repeating: 0, count: 9)
        #expect(throws: ParquetError.self) {
            _ = try [UInt8]([0x05, 0x39, 0x77]).withUnsafeBytes { try ColumnChunkDecoder.unpackMSBFirst($0, bitWidth: 3, into: &tooMany) }
        }
    }
}
