#if canImport(Glibc)
import Glibc
#endif
import Columnar
import Testing
@testable import Parquet

/// Row-group and page pruning with a `RangeFilter` on a sorted int64 column.
@Suite struct ReaderPruningTests {
    let reader: ParquetFileReader

    init() throws {
        reader = try ParquetFileReader(path: TestPaths.fixture("reader/sorted_pages.parquet").path)
    }

    /// Values are `row * 1000`; pages hold 1000 rows; row groups 10,000.
    @Test func pageIndexPrunesToPages() throws {
        let wanted: [Range<Int64>] = [2_500_000..<2_600_000, 15_000_500..<15_001_000]
        let table = try reader.read(columns: ["_healpix_29", "ra", "name"],
                                    filter: RangeFilter(column: "_healpix_29", ranges: wanted))
        #expect(table.rowCount == 2000) // one page from each row group
        let hp = table.columns[0].toArray(of: Int64.self).compactMap { $0 }
        #expect(hp.first == 2_000_000)
        #expect(hp.last == 15_999_000)
        for range in wanted {
            for v in stride(from: range.lowerBound, to: range.upperBound, by: 1000) where v % 1000 == 0 {
                #expect(hp.contains(v))
            }
        }
        // Every projected column holds the same rows.
        let ra = table.columns[1].toArray(of: Double.self)
        let names = table.columns[2].toStrings()
        for (k, value) in hp.enumerated() {
            let row = Int(value / 1000)
            #expect(ra[k] == Double(row) / 10)
            #expect(names[k] == (row % 7 == 0 ? nil : "obj\(row)"))
        }
    }

    @Test func rowGroupStatisticsPruneWithoutPageIndex() throws {
        let noIndex = try ParquetFileReader(path: TestPaths.fixture("reader/sorted_pages.parquet").path,
                                            options: ReadOptions(usePageIndex: false))
        let table = try noIndex.read(filter: RangeFilter(column: "_healpix_29", ranges: [12_000_000..<12_000_001]))
        #expect(table.rowCount == 10_000)
        #expect(table.columns[0].toArray(of: Int64.self).first == 10_000_000)
        let none = try noIndex.read(filter: RangeFilter(column: "_healpix_29", ranges: [-5..<0, 30_000_000..<40_000_000]))
        #expect(none.rowCount == 0)
        #expect(none.columnNames == ["_healpix_29", "ra", "name"])
    }

    @Test func pageIndexIsExposed() throws {
        let (columnIndex, offsetIndex) = try reader.pageIndex(rowGroup: 0, column: 0)
        #expect(offsetIndex?.pageLocations.count == 10)
        #expect(offsetIndex?.pageLocations.map(\.firstRowIndex) == (0..<10).map { Int64($0) * 1000 })
        #expect(columnIndex?.boundaryOrder == .ascending)
    }

    /// A list column sliced by the page index: rows 300..<400 and 1200..<1300 (keys are `row * 10`).
    @Test func pageIndexSlicesListColumns() throws {
        let lists = try ParquetFileReader(path: TestPaths.fixture("reader/sorted_lists.parquet").path)
        let table = try lists.read(filter: RangeFilter(column: "key", ranges: [3_050..<3_060, 12_000..<12_001]))
        #expect(table.rowCount == 200)
        let keys = table.columns[0].toArray(of: Int64.self).compactMap { $0 }
        #expect(keys.first == 3_000)
        #expect(keys.last == 12_990)
        let column = table.columns[1]
        let values = column.children[0].toArray(of: Int64.self)
        for (k, key) in keys.enumerated() {
            let row = Int(key / 10)
            if row % 13 == 5 {
                #expect(column.isNull(k))
            } else {
                #expect(Array(values[column.listRange(at: k)]) == (0..<(row % 4)).map { Int64(row * 10 + $0) })
            }
        }
    }

    @Test func filterOnUnknownColumnThrows() {
        #expect(throws: ParquetError.self) {
            _ = try reader.read(filter: RangeFilter(column: "name", ranges: [0..<1]))
        }
    }
}

/// A byte source that records the ranges read.
final class RecordingSource: ByteSource, @unchecked Sendable {
    let inner: LocalFileSource
    private var lock = pthread_mutex_t()
    private var log: [Range<Int>] = []

    init(path: String) throws {
        inner = try LocalFileSource(path: path)
        pthread_mutex_init(&lock, nil)
    }

    var size: Int { inner.size }

    var reads: [Range<Int>] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return log
    }

    func read(_ range: Range<Int>) throws -> Buffer {
        pthread_mutex_lock(&lock)
        log.append(range)
        pthread_mutex_unlock(&lock)
        return try inner.read(range)
    }
}

@Suite struct ReaderIOTests {
    static let path = TestPaths.fixture("reader/sorted_pages.parquet").path

    @Test func oneReadPerColumnChunk() throws {
        let source = try RecordingSource(path: Self.path)
        let reader = try ParquetFileReader(source: source, name: "sorted_pages.parquet")
        #expect(source.reads.count == 1) // the footer, in one tail read
        _ = try reader.read(columns: ["ra"])
        let chunkReads = Array(source.reads.dropFirst())
        #expect(chunkReads.count == 2)
        for (g, range) in chunkReads.enumerated() {
            let meta = try #require(reader.rowGroups[g].columns[1].metaData)
            #expect(range.count == Int(meta.totalCompressedSize))
        }
    }

    @Test func pagePruningReadsOnlySelectedPages() throws {
        let source = try RecordingSource(path: Self.path)
        let reader = try ParquetFileReader(source: source, name: "sorted_pages.parquet")
        let before = source.reads.count
        let table = try reader.read(columns: ["ra"], filter: RangeFilter(column: "_healpix_29", ranges: [3_000_000..<3_000_001]))
        #expect(table.rowCount == 1000)
        let bytes = source.reads.dropFirst(before).reduce(0) { $0 + $1.count }
        let chunk = try #require(reader.rowGroups[0].columns[1].metaData)
        // Index blobs plus one page of doubles: far less than the whole 10-page chunk.
        #expect(bytes < Int(chunk.totalCompressedSize) / 2)
    }
}
