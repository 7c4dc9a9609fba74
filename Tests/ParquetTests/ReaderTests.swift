import Columnar
import Foundation
import Testing
@testable import Parquet

/// Decoding files written by pyarrow (`Scripts/make_reader_fixtures.py`).
@Suite struct ReaderTests {
    static func reader(_ name: String) throws -> ParquetFileReader {
        try ParquetFileReader(path: TestPaths.fixture("reader/" + name).path)
    }

    @Test func sortedPagesFileDecodesEveryValue() throws {
        let reader = try Self.reader("sorted_pages.parquet")
        #expect(reader.numRows == 20_000)
        #expect(reader.rowGroups.count == 2)
        #expect(reader.columnarSchema.fields.map(\.description) == ["_healpix_29: int64", "ra: double", "name: string"])
        let table = try reader.read()
        #expect(table.rowCount == 20_000)
        let hp = table.columns[0].toArray(of: Int64.self)
        let ra = table.columns[1].toArray(of: Double.self)
        let names = table.columns[2].toStrings()
        for i in stride(from: 0, to: 20_000, by: 97) {
            #expect(hp[i] == Int64(i) * 1000)
            #expect(ra[i] == Double(i) / 10)
            #expect(names[i] == (i % 7 == 0 ? nil : "obj\(i)"))
        }
        #expect(table.columns[2].nullCount == (20_000 + 6) / 7)
    }

    @Test func projectionAndRowGroups() throws {
        let reader = try Self.reader("sorted_pages.parquet")
        let table = try reader.read(columns: ["name", "_healpix_29"], rowGroups: [1])
        #expect(table.columnNames == ["name", "_healpix_29"])
        #expect(table.rowCount == 10_000)
        #expect(table.columns[1].toArray(of: Int64.self).first == 10_000_000)
        #expect(reader.int64Statistics(rowGroup: 1, column: "_healpix_29") == 10_000_000...19_999_000)
        #expect(throws: ParquetError.self) { _ = try reader.read(columns: ["nope"]) }
    }

    @Test func serialAndParallelDecodingAgree() throws {
        let path = TestPaths.fixture("reader/sorted_pages.parquet").path
        let serial = try ParquetFileReader(path: path, options: ReadOptions(concurrency: 1)).read()
        let parallel = try ParquetFileReader(path: path, mapped: true, options: ReadOptions(concurrency: 4)).read()
        for k in 0..<3 {
            #expect(serial.columns[k].buffers.count == parallel.columns[k].buffers.count)
        }
        #expect(serial.columns[0].toArray(of: Int64.self) == parallel.columns[0].toArray(of: Int64.self))
        #expect(serial.columns[2].toStrings() == parallel.columns[2].toStrings())
    }

    @Test func structOfListsAndListOfStructs() throws {
        let reader = try Self.reader("nested_shapes.parquet")
        let types = reader.columnarSchema.fields.map { "\($0.type)" }
        #expect(types[1] == "struct<t: list<element: double>, flux: list<element: double>>")
        #expect(types[2] == "list<element: struct<a: int32, b: string>>")
        let table = try reader.read()
        #expect(table.rowCount == 4)

        let lc = table.columns[1]
        #expect(lc.nullCount == 1)
        #expect(lc.isNull(1))
        let t = try lc.field(named: "t")
        let flux = try lc.field(named: "flux")
        #expect(t.listRange(at: 0).count == 2)
        #expect(t.listRange(at: 2).isEmpty)
        #expect(t.listRange(at: 3).count == 1)
        let tValues = t.children[0].toArray(of: Double.self)
        #expect(Array(tValues[t.listRange(at: 0)]) == [1.0, 2.0])
        #expect(Array(tValues[t.listRange(at: 3)]) == [3.5])
        let fluxValues = flux.children[0].toArray(of: Double.self)
        #expect(Array(fluxValues[flux.listRange(at: 0)]) == [10.0, nil])

        let obs = table.columns[2]
        #expect(obs.isNull(2))
        #expect(!obs.isNull(1))
        #expect(obs.listRange(at: 1).isEmpty)
        #expect(obs.listRange(at: 0).count == 2)
        let element = obs.children[0]
        let a = try element.field(named: "a").toArray(of: Int32.self)
        let b = try element.field(named: "b").toStrings()
        #expect(Array(a[obs.listRange(at: 0)]) == [1, nil])
        #expect(Array(b[obs.listRange(at: 0)]) == ["x", "y"])
        #expect(Array(a[obs.listRange(at: 3)]) == [4])
        #expect(Array(b[obs.listRange(at: 3)]) == [nil])
    }

    @Test func seedCorpusFilesDecode() throws {
        let corpus = TestPaths.repository.appendingPathComponent("Fuzz/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".parquet") }.sorted()
        #expect(names.count >= 5)
        for name in names {
            let table = try ParquetFileReader(path: corpus.appendingPathComponent(name).path).read()
            #expect(table.rowCount == 4, "\(name)")
            if let i = table.schema.firstIndex(of: "i") {
                #expect(table.columns[i].toArray(of: Int64.self) == [1, nil, 3, 4], "\(name)")
            }
            if let s = table.schema.firstIndex(of: "s") {
                #expect(table.columns[s].toStrings() == ["a", "bb", nil, "a"], "\(name)")
            }
            if let b = table.schema.firstIndex(of: "b") {
                #expect(table.columns[b].toBools() == [true, false, nil, true], "\(name)")
            }
            if let l = table.schema.firstIndex(of: "l") {
                let list = table.columns[l]
                let values = list.children[0].toArray(of: Int32.self)
                #expect(list.isNull(1), "\(name)")
                #expect(Array(values[list.listRange(at: 0)]) == [1, 2], "\(name)")
                #expect(list.listRange(at: 2).isEmpty, "\(name)")
                #expect(Array(values[list.listRange(at: 3)]) == [3], "\(name)")
            }
        }
    }

    @Test func codecsRoundTrip() throws {
        let input = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 % 251 ^ ($0 >> 5)) }
        for codec in [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw, .lz4, .brotli] {
            let packed = try codec.compress(input)
            let unpacked = try packed.withUnsafeBytes { try codec.decompress($0, uncompressedSize: input.count) }
            #expect(unpacked == input, "\(codec)")
            // A wrong declared size is an error, never a crash.
            #expect(throws: ParquetError.self, "\(codec)") {
                _ = try packed.withUnsafeBytes { try codec.decompress($0, uncompressedSize: input.count - 1) }
            }
        }
        // Two concatenated gzip members.
        let half = Array(input[..<5000])
        let twice = try CompressionCodec.gzip.compress(half) + CompressionCodec.gzip.compress(half)
        let joined = try twice.withUnsafeBytes { try CompressionCodec.gzip.decompress($0, uncompressedSize: 10_000) }
        #expect(joined == half + half)
        #expect(throws: ParquetError.self) {
            _ = try [UInt8](repeating: 7, count: 40).withUnsafeBytes { try CompressionCodec.zstd.decompress($0, uncompressedSize: 100) }
        }
    }
}

@Suite struct ReaderMetadataFileTests {
    @Test func metadataFileRowGroupsPointAtDataFiles() throws {
        let reader = try ParquetFileReader(path: TestPaths.fixture("dataset/_metadata").path)
        let locations = reader.rowGroupLocations()
        #expect(locations.count == reader.rowGroups.count)
        #expect(!locations.isEmpty)
        for (index, location) in locations.enumerated() {
            let path = try #require(location.path)
            #expect(path.hasPrefix(TestPaths.fixture("dataset").path))
            let data = try ParquetFileReader(path: path)
            let table = try data.readRowGroup(location.rowGroupInFile)
            #expect(Int64(table.rowCount) == reader.rowGroups[index].numRows)
        }
        // Reading the chunks through the metadata file itself names the data file to open.
        #expect(throws: ParquetError.self) { _ = try reader.read() }
    }
}
