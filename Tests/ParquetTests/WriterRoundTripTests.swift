import Columnar
import Testing
@testable import Parquet

@Suite("Parquet writer: write then read back")
struct WriterRoundTripTests {
    /// Reads `bytes` with the project's reader.
    func readBack(_ bytes: [UInt8]) throws -> Table {
        try ParquetFileReader(source: MemorySource(bytes), name: "memory.parquet").read()
    }

    /// Expects `read` to hold `written`'s values (large_string reads back as string).
    func expectSame(_ read: Table, _ written: Table, _ label: String) {
        #expect(read.rowCount == written.rowCount, "\(label)")
        #expect(read.columnNames == written.columnNames, "\(label)")
        for (name, column) in zip(written.columnNames, written.columns) {
            guard let got = read[name] else { Issue.record("\(label): missing \(name)"); continue }
            if column.type == .largeString {
                #expect(got.strings.map { $0 } == column.strings.map { $0 }, "\(label): \(name)")
                #expect(got.validity == column.validity, "\(label): \(name)")
            } else {
                #expect(got == column, "\(label): column \(name) differs")
            }
        }
    }

    static let variants: [(String, ParquetWriteOptions)] = {
        var result: [(String, ParquetWriteOptions)] = [("pyarrowDefault", .pyarrowDefault), ("hats", .hats)]
        for codec in [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw] {
            var o = ParquetWriteOptions.pyarrowDefault
            o.compression = codec
            result.append(("codec \(codec)", o))
        }
        var plain = ParquetWriteOptions()
        plain.useDictionary = false
        plain.writeStatistics = false
        result.append(("plain, no statistics", plain))
        var delta = ParquetWriteOptions.hats
        delta.columnEncodings = ["_healpix_29": .deltaBinaryPacked, "i32": .deltaBinaryPacked, "u64": .deltaBinaryPacked,
                                 "name": .deltaByteArray, "notes": .deltaLengthByteArray, "i16": .byteStreamSplit,
                                 "ts": .byteStreamSplit, "lst": .plain]
        result.append(("delta and split encodings", delta))
        for base in [ParquetWriteOptions.pyarrowDefault, .hats, delta] {
            var v2 = base
            v2.dataPageVersion = .v2
            result.append(("data page v2, \(base.compression)", v2))
        }
        var fallback = ParquetWriteOptions.pyarrowDefault
        fallback.dictionaryPageSizeLimit = 300
        result.append(("dictionary fallback", fallback))
        return result
    }()

    @Test("every type, nulls, lists, several row groups and pages", arguments: 0..<variants.count)
    func roundTrip(variant: Int) throws {
        let (label, base) = Self.variants[variant]
        var options = base
        options.rowGroupSize = 1300
        options.maxRowsPerPage = 256
        let table = try WriterFixtures.allTypes(rows: 3000, seed: UInt64(variant))
        let bytes = try ParquetWriter.serialize(table, options: options)
        expectSame(try readBack(bytes), table, label)
        if let dir = WriterFixtures.inspectionDirectory {
            try AtomicFile.write(bytes, to: "\(dir)/variant\(variant).parquet")
        }
    }

    @Test("edge sizes: 0, 1 and 8 rows; all-null and all-empty columns")
    func edges() throws {
        for rows in [0, 1, 8] {
            let table = try WriterFixtures.allTypes(rows: rows)
            for options in [ParquetWriteOptions.hats, .pyarrowDefault] {
                expectSame(try readBack(ParquetWriter.serialize(table, options: options)), table, "\(rows) rows")
            }
        }
        let nulls = try Table([
            ("n", Column(nullsOf: .float64, count: 40)),
            ("s", Column(nullsOf: .string, count: 40)),
            ("l", Column([[Double]?](repeating: [], count: 40))),
        ])
        for options in [ParquetWriteOptions.hats, .pyarrowDefault] {
            expectSame(try readBack(ParquetWriter.serialize(nulls, options: options)), nulls, "all null")
        }
    }

    @Test("the page index lets the reader prune pages of _healpix_29")
    func pageIndexPruning() throws {
        var options = ParquetWriteOptions.hats
        options.maxRowsPerPage = 400
        let table = try WriterFixtures.allTypes(rows: 4000)
        let bytes = try ParquetWriter.serialize(table, options: options)
        let reader = try ParquetFileReader(source: MemorySource(bytes), name: "hats.parquet")
        let healpix = table.columns[0].values(as: Int64.self)
        let lo = healpix[1234]
        let hi = healpix[1250] + 1
        let read = try reader.read(filter: RangeFilter(column: "_healpix_29", ranges: [lo..<hi]))
        #expect(read.rowCount == 400)
        let first = healpix.firstIndex(of: read.columns[0].values(as: Int64.self)[0])!
        #expect(first == 1200)
        expectSame(read, table.slice(1200..<1600), "pruned")
    }

    @Test("a file on disk: atomic write, then the reader opens it")
    func onDisk() throws {
        let directory = "/tmp/lsdb-writer-tests-\(getpid())"
        mkdir(directory, 0o755)
        defer { _ = try? FileManagerLite.removeTree(directory) }
        let path = "\(directory)/part.parquet"
        let table = try WriterFixtures.allTypes(rows: 500)
        let writer = try ParquetWriter(path: path, schema: table.schema, options: .hats)
        try writer.write(table)
        #expect(access(path, F_OK) != 0, "nothing at the destination before close")
        let footer = try writer.close()
        #expect(access(path, F_OK) == 0)
        let reader = try ParquetFileReader(path: path)
        expectSame(try reader.read(), table, "disk")
        #expect(reader.metadata == footer)
    }
}

#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// Minimal directory removal for test cleanup.
enum FileManagerLite {
    static func removeTree(_ path: String) throws {
        guard let dir = opendir(path) else { return }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            unlink("\(path)/\(name)")
        }
        closedir(dir)
        rmdir(path)
    }
}
