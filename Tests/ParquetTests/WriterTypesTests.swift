import Columnar
import Testing
@testable import Parquet

@Suite("Parquet writer: less common types and metadata")
struct WriterTypesTests {
    func readBack(_ table: Table, options: ParquetWriteOptions = .pyarrowDefault) throws -> (Table, FileMetaData) {
        let bytes = try ParquetWriter.serialize(table, options: options)
        if let dir = WriterFixtures.inspectionDirectory {
            try AtomicFile.write(bytes, to: "\(dir)/types-\(table.columnNames.joined(separator: "_")).parquet")
        }
        let reader = try ParquetFileReader(source: MemorySource(bytes), name: "types.parquet")
        return (try reader.read(), reader.metadata)
    }

    @Test("time units, dates, durations, decimals, binaries keep their values")
    func conversions() throws {
        let table = try Table([
            ("d64", Column([Int64?]([0, -1, 86_400_000 * 3 + 5, nil]), type: .date64)),
            ("t32s", Column([Int32?]([0, 59, 86_399, nil]), type: .time32(.second))),
            ("t64ns", Column([Int64?]([1, 2, 3, nil]), type: .time64(.nanosecond))),
            ("tss", Column([Int64?]([-5, 0, 1_700_000_000, nil]), type: .timestamp(.second))),
            ("tsns", Column([Int64?]([-5, 0, 1_700_000_000_123_456_789, nil]), type: .timestamp(.nanosecond))),
            ("dur", Column([Int64?]([-5, 0, 7, nil]), type: .duration(.millisecond))),
            ("dec", Column([Int64?]([-12345, 0, 99_999, nil]), type: .decimal(precision: 10, scale: 2, storage: .int64))),
            ("bin", Column(binary: [[0, 255], [], nil, [1, 2, 3]])),
        ])
        let (read, metadata) = try readBack(table)
        #expect(read["d64"] == Column([Int32?]([0, -1, 3, nil]), type: .date32))
        #expect(read["t32s"] == Column([Int32?]([0, 59_000, 86_399_000, nil]), type: .time32(.millisecond)))
        #expect(read["t64ns"] == table["t64ns"])
        #expect(read["tss"] == Column([Int64?]([-5000, 0, 1_700_000_000_000, nil]), type: .timestamp(.millisecond)))
        #expect(read["tsns"] == table["tsns"])
        #expect(read["dur"]?.values(as: Int64.self).prefix(3).map { $0 } == [-5, 0, 7])
        #expect(read["dec"] == table["dec"])
        #expect(read["bin"] == table["bin"])
        let schema = metadata.schema
        #expect(schema.first { $0.name == "tsns" }?.logicalType == .timestamp(isAdjustedToUTC: false, unit: .nanos))
        #expect(schema.first { $0.name == "tsns" }?.convertedType == nil)
        #expect(schema.first { $0.name == "dec" }?.logicalType == .decimal(scale: 2, precision: 10))
        #expect(schema.first { $0.name == "dec" }?.scale == 2)
    }

    @Test("lists of strings and of ints; required list elements")
    func otherLists() throws {
        let strings: [[String?]?] = [["a", nil, "bc"], nil, [], ["", "zz"]]
        let ints: [[Int32]?] = [[1, 2], [], nil, [Int32.min, Int32.max]]
        let table = try Table([("ls", Column(strings)), ("li", Column(ints))])
        for options in [ParquetWriteOptions.pyarrowDefault, .hats] {
            let (read, _) = try readBack(table, options: options)
            #expect(read["ls"] == table["ls"])
            #expect(read["li"]?.children.first?.values(as: Int32.self).map { $0 } == [1, 2, Int32.min, Int32.max])
        }
    }

    @Test("key/value metadata: options first, then the table schema's, without ARROW:schema or pandas")
    func keyValueMetadata() throws {
        var schema = Schema([Field("x", .int64)])
        schema.metadata = ["hats": "1", "ARROW:schema": "stale", "pandas": "{}"]
        let table = try Table(schema: schema, columns: [Column([Int64]([1]))])
        var options = ParquetWriteOptions()
        options.keyValueMetadata = [KeyValue(key: "creator", value: "test")]
        let bytes = try ParquetWriter.serialize(table, options: options)
        let kv = try WriterFixtures.footer(bytes).keyValueMetadata
        #expect(kv == [KeyValue(key: "creator", value: "test"), KeyValue(key: "hats", value: "1")])
    }

    /// A table with a struct, a list of structs, a struct holding a list, and a list of lists.
    static func nestedTable() throws -> Table {
        let x = Column([Double?]([1, nil, 3, 4, 5]))
        let label = Column([String?](["a", "b", nil, "d", "e"]))
        let point = try Column(structOf: [(name: "x", column: x), (name: "label", column: label)],
                               validity: Bitmap([true, true, true, false, true]))
        let inner = try Column(structOf: [(name: "id", column: Column([Int64]([10, 11, 12, 13, 14, 15])))],
                               validity: Bitmap([true, true, false, true, true, true]))
        let sources = Column(lists: [2, nil, 0, 3, 1], child: inner)
        let mags = Column([[Float?]?]([[1, nil], nil, [], [2], [3, 4]]))
        let photometry = try Column(structOf: [(name: "mags", column: mags)],
                                    validity: Bitmap([true, true, false, true, true]))
        let cells = Column([[Int32?]?]([[1], [], nil, [2, nil], [3], [], [4, 5]]))
        let grid = Column(lists: [2, 0, nil, 3, 2], child: cells)
        return try Table([("point", point), ("sources", sources), ("photometry", photometry), ("grid", grid)])
    }

    @Test("structs, lists of structs, structs of lists and lists of lists")
    func nested() throws {
        let table = try Self.nestedTable()
        let bytes = try ParquetWriter.serialize(table, options: .hats)
        let footer = try WriterFixtures.footer(bytes)
        #expect(footer.rowGroups[0].columns.map { $0.metaData?.pathInSchema.joined(separator: ".") } == [
            "point.x", "point.label", "sources.list.element.id", "photometry.mags.list.element",
            "grid.list.element.list.element",
        ])
        #expect(footer.schema.first { $0.name == "point" }?.numChildren == 2)
        if let dir = WriterFixtures.inspectionDirectory { try AtomicFile.write(bytes, to: "\(dir)/nested.parquet") }
        let read = try ParquetFileReader(source: MemorySource(bytes), name: "nested.parquet").read()
        for name in ["point", "sources", "photometry", "grid"] {
            #expect(read[name] == table[name], "\(name)")
        }
    }
}
