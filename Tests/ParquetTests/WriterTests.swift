import Columnar
import Testing
@testable import Parquet

@Suite("Parquet writer: layout, metadata, statistics, page index")
struct WriterTests {
    @Test("presets and codecs produce well-formed files", arguments: [
        ("pyarrow", CompressionCodec.snappy), ("hats", .zstd), ("plain", .uncompressed), ("gzip", .gzip), ("lz4", .lz4Raw),
    ])
    func wellFormed(name: String, codec: CompressionCodec) throws {
        var options: ParquetWriteOptions = name == "hats" ? .hats : .pyarrowDefault
        options.compression = codec
        if name == "plain" { options.useDictionary = false }
        options.rowGroupSize = 700
        options.maxRowsPerPage = 128
        let table = try WriterFixtures.allTypes(rows: 2000)
        let bytes = try ParquetWriter.serialize(table, options: options)
        #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
        let footer = try WriterFixtures.footer(bytes)
        #expect(footer.numRows == 2000)
        #expect(footer.rowGroups.map(\.numRows) == [700, 700, 600])
        #expect(footer.createdBy == "lsdb-swift version 0.1.0")
        #expect(footer.schema.count == 1 + 16 + 3)
        #expect(footer.columnOrders?.count == 17)
        for group in footer.rowGroups {
            #expect(group.columns.count == 17)
            for chunk in group.columns {
                let meta = try #require(chunk.metaData)
                #expect(meta.codec == codec)
                #expect(meta.byteRange.map { $0.upperBound <= Int64(bytes.count) } == true)
                if name == "hats" {
                    #expect(chunk.offsetIndexOffset != nil)
                }
            }
        }
        if let dir = WriterFixtures.inspectionDirectory {
            try AtomicFile.write(bytes, to: "\(dir)/\(name).parquet")
        }
    }

    @Test("hats preset: encodings, sorting column, page index")
    func hatsLayout() throws {
        var options = ParquetWriteOptions.hats
        options.maxRowsPerPage = 500
        let table = try WriterFixtures.allTypes(rows: 3000)
        let bytes = try ParquetWriter.serialize(table, options: options)
        let footer = try WriterFixtures.footer(bytes)
        let group = try #require(footer.rowGroups.first)
        #expect(group.sortingColumns == [SortingColumn(columnIndex: 0, descending: false, nullsFirst: false)])
        func meta(_ name: String) throws -> ColumnMetaData {
            try #require(group.columns.first { $0.metaData?.pathInSchema.first == name }?.metaData)
        }
        #expect(try meta("_healpix_29").encodings.contains(.deltaBinaryPacked))
        #expect(try meta("ra").encodings.contains(.byteStreamSplit))
        #expect(try meta("ra").dictionaryPageOffset == nil)
        #expect(try meta("name").encodings.contains(.rleDictionary))
        #expect(try meta("name").dictionaryPageOffset != nil)
        // Page index: 6 pages of 500 rows for _healpix_29, ascending.
        let chunk = group.columns[0]
        let offsets = try WriterFixtures.decode(OffsetIndex.self, bytes, at: try #require(chunk.offsetIndexOffset),
                                                length: try #require(chunk.offsetIndexLength))
        #expect(offsets.pageLocations.map(\.firstRowIndex) == [0, 500, 1000, 1500, 2000, 2500])
        #expect(offsets.pageLocations.first?.offset == chunk.metaData?.dataPageOffset)
        let index = try WriterFixtures.decode(ColumnIndex.self, bytes, at: try #require(chunk.columnIndexOffset),
                                              length: try #require(chunk.columnIndexLength))
        #expect(index.boundaryOrder == .ascending)
        #expect(index.nullPages == Array(repeating: false, count: 6))
        let healpix = table.columns[0].values(as: Int64.self)
        #expect(index.minValues[1] == ValueBounds.bytes(of: healpix[500]))
        #expect(index.maxValues[5] == ValueBounds.bytes(of: healpix[2999]))
        // Page index sits after the data and before the footer; page headers carry no stats.
        #expect(try #require(chunk.columnIndexOffset) > group.columns.last!.metaData!.byteRange!.upperBound - 1)
    }

    @Test("chunk statistics: signed, unsigned, strings, NaN and ±0, all-null")
    func statistics() throws {
        // Separate single-column tables keep row counts independent.
        func stats(_ column: Column) throws -> Statistics {
            let bytes = try ParquetWriter.serialize(try Table([("c", column)]))
            return try #require(WriterFixtures.footer(bytes).rowGroups[0].columns[0].metaData?.statistics)
        }
        let d = try stats(Column([Double?]([3.0, .nan, 0.0, nil, 2.0])))
        #expect(d.nullCount == 1)
        #expect(d.minValue == ValueBounds.bytes(of: -0.0 as Double))
        #expect(d.maxValue == ValueBounds.bytes(of: 3.0 as Double))
        #expect(d.min == d.minValue)
        let z = try stats(Column([Double]([-0.0, 0.0])))
        #expect(z.minValue == ValueBounds.bytes(of: -0.0 as Double))
        #expect(z.maxValue == ValueBounds.bytes(of: 0.0 as Double))
        let u = try stats(Column([UInt32]([1, 0xFFFF_FFFF, 7])))
        #expect(u.minValue == ValueBounds.bytes(of: UInt32(1)))
        #expect(u.maxValue == ValueBounds.bytes(of: UInt32.max))
        #expect(u.min == nil && u.max == nil)
        let s = try stats(Column([String?](["pear", nil, "apple", "zoo"])))
        #expect(s.minValue == Array("apple".utf8))
        #expect(s.maxValue == Array("zoo".utf8))
        #expect(s.min == nil)
        let n = try stats(Column(nullsOf: .int64, count: 3))
        #expect(n.nullCount == 3)
        #expect(n.minValue == nil && n.maxValue == nil)
        let nan = try stats(Column([Float]([.nan, .nan])))
        #expect(nan.minValue == nil && nan.nullCount == 0)
        let i = try stats(Column([Int8]([-5, 3, 100])))
        #expect(i.minValue == ValueBounds.bytes(of: Int32(-5)))
        #expect(i.max == ValueBounds.bytes(of: Int32(100)))
    }

    @Test("dictionary falls back to PLAIN pages when it outgrows its limit")
    func dictionaryFallback() throws {
        var options = ParquetWriteOptions.pyarrowDefault
        options.dictionaryPageSizeLimit = 4096
        options.maxRowsPerPage = 1000
        let values = (0..<10_000).map { "unique-value-\($0)" }
        let bytes = try ParquetWriter.serialize(try Table([("s", Column(values))]), options: options)
        let meta = try #require(WriterFixtures.footer(bytes).rowGroups[0].columns[0].metaData)
        #expect(meta.dictionaryPageOffset != nil)
        let stats = try #require(meta.encodingStats)
        #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .rleDictionary })
        #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .plain })
        #expect(meta.encodings.contains(.plain) && meta.encodings.contains(.rleDictionary))
    }

    @Test("empty tables get one empty row group; streaming appends row groups")
    func emptyAndStreaming() throws {
        let table = try WriterFixtures.allTypes(rows: 10)
        let empty = try ParquetWriter.serialize(table.slice(0..<0), options: .hats)
        let footer = try WriterFixtures.footer(empty)
        #expect(footer.numRows == 0)
        #expect(footer.rowGroups.count == 1)
        let writer = try ParquetWriter(schema: table.schema, options: .hats)
        try writer.write(table)
        try writer.write(table.slice(0..<3))
        let metadata = try writer.close()
        #expect(metadata.rowGroups.map(\.numRows) == [10, 3])
        #expect(try WriterFixtures.footer(writer.bytes) == metadata)
        #expect(throws: ParquetError.self) { try writer.write(table) }
    }

    @Test("schema: LIST three-level layout, logical and converted types")
    func schemaLayout() throws {
        let bytes = try ParquetWriter.serialize(try WriterFixtures.allTypes(rows: 5))
        let schema = try WriterFixtures.footer(bytes).schema
        func element(_ name: String) -> SchemaElement? { schema.first { $0.name == name } }
        #expect(schema[0].name == "schema" && schema[0].numChildren == 17)
        #expect(element("name")?.logicalType == .string && element("name")?.convertedType == .utf8)
        #expect(element("i8")?.logicalType == .integer(bitWidth: 8, isSigned: true) && element("i8")?.type == .int32)
        #expect(element("u64")?.convertedType == .uint64 && element("u64")?.type == .int64)
        #expect(element("ts")?.logicalType == .timestamp(isAdjustedToUTC: true, unit: .micros))
        #expect(element("day")?.convertedType == .date)
        let lst = try #require(schema.firstIndex { $0.name == "lst" })
        #expect(schema[lst].convertedType == .list && schema[lst].logicalType == .list)
        #expect(schema[lst + 1].name == "list" && schema[lst + 1].repetitionType == .repeated)
        #expect(schema[lst + 2].name == "element" && schema[lst + 2].type == .double)
        #expect(element("_healpix_29")?.repetitionType == .optional)
    }

    @Test("non-nullable fields become REQUIRED; nulls in them are rejected")
    func requiredColumns() throws {
        let schema = Schema([Field("x", .int64, nullable: false)])
        let table = try Table(schema: schema, columns: [Column([Int64]([1, 2, 3]))])
        let bytes = try ParquetWriter.serialize(table)
        #expect(try WriterFixtures.footer(bytes).schema[1].repetitionType == .required)
        let bad = try Table(schema: schema, columns: [Column([Int64?]([1, nil]))])
        #expect(throws: ParquetError.self) { try ParquetWriter.serialize(bad) }
    }

    @Test("parallel page compression gives the same bytes as serial")
    func parallelCompression() throws {
        let table = try WriterFixtures.allTypes(rows: 5000)
        var serial = ParquetWriteOptions.hats
        serial.maxRowsPerPage = 300
        serial.compressionLevel = 3
        serial.concurrency = 1
        var parallel = serial
        parallel.concurrency = 4
        #expect(try ParquetWriter.serialize(table, options: serial) == ParquetWriter.serialize(table, options: parallel))
    }

    @Test("page checksums are zlib CRC-32 of the stored page bodies")
    func checksums() throws {
        var options = ParquetWriteOptions.pyarrowDefault
        options.writePageChecksums = true
        let bytes = try ParquetWriter.serialize(try Table([("s", Column(["a", "b", "a"]))]), options: options)
        let meta = try #require(WriterFixtures.footer(bytes).rowGroups[0].columns[0].metaData)
        var offset = Int(try #require(meta.dictionaryPageOffset))
        for _ in 0..<2 {
            let (header, length) = try bytes[offset...].withUnsafeBytes { try ThriftCompactReader.decode(PageHeader.self, from: $0) }
            let body = Array(bytes[(offset + length)..<(offset + length + Int(header.compressedPageSize))])
            #expect(header.crc == Int32(bitPattern: UInt32(crc32Reference(body))))
            offset += length + Int(header.compressedPageSize)
        }
    }

    /// Bitwise CRC-32 (IEEE), independent of zlib.
    func crc32Reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test("size statistics: byte-array bytes and level histograms")
    func sizeStatistics() throws {
        let table = try Table([
            ("s", Column([String?](["ab", nil, "cde", ""]))),
            ("l", Column([[Double?]?]([[1, nil], nil, [], [2]]))),
            ("x", try Table([("x", Column([Int64]([1, 2, 3, 4])))]).columns[0]),
        ])
        let bytes = try ParquetWriter.serialize(table, options: .hats)
        let columns = try WriterFixtures.footer(bytes).rowGroups[0].columns
        let s = try #require(columns[0].metaData?.sizeStatistics)
        #expect(s.unencodedByteArrayDataBytes == 5)
        #expect(s.definitionLevelHistogram == [1, 3])
        #expect(s.repetitionLevelHistogram == nil)
        let l = try #require(columns[1].metaData?.sizeStatistics)
        #expect(l.definitionLevelHistogram == [1, 1, 1, 2])
        #expect(l.repetitionLevelHistogram == [4, 1])
        let offsets = try WriterFixtures.decode(OffsetIndex.self, bytes, at: try #require(columns[0].offsetIndexOffset),
                                                length: try #require(columns[0].offsetIndexLength))
        #expect(offsets.unencodedByteArrayDataBytes == [5])
    }
}
