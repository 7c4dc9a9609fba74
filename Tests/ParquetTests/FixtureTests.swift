import Columnar
import Foundation
import Testing
@testable import Parquet

/// Reads every reference fixture (`Scripts/make_parquet_fixtures.py`: pyarrow, DuckDB and polars
/// output) with `ParquetFileReader` and compares every value and type name with its
/// `.expected.json` sidecar. A feature the reader lacks makes its fixture fail, never skip.
@Suite("Parquet reference fixtures")
struct FixtureTests {
    /// Guards against a path mistake that would make the parameterised test run on nothing.
    @Test("the fixture set is present")
    func fixturesArePresent() {
        guard ProcessInfo.processInfo.environment["PARQUET_FIXTURES"] == nil else { return }  // narrowed on purpose
        let names = TestPaths.fixtureNames()
        #expect(names.count >= 30, "found \(names.count) fixtures under \(TestPaths.fixtures.path)")
        #expect(names.contains("types.parquet"))
        #expect(names.contains("dataset/_metadata"))
    }

    @Test("fixture decodes to the expected types and values", arguments: TestPaths.fixtureNames())
    func fixture(_ name: String) throws {
        let expected = try ExpectedFile.load(TestPaths.expected(name))
        let reader = try ParquetFileReader(path: TestPaths.fixture(name).path)

        #expect(reader.numRows == Int64(expected.num_rows), "\(name): footer row count")
        if let groups = expected.num_row_groups {
            #expect(reader.rowGroups.count == groups, "\(name): row groups")
        }
        let schemaTypes = reader.columnarSchema.fields.map { "\($0.name): \($0.type)" }
        let wantTypes = expected.columns.map { "\($0.name): \($0.type)" }
        let typesMatch = zip(reader.columnarSchema.fields, expected.columns).allSatisfy {
            $0.name == $1.name && $1.acceptedTypes.contains($0.type.description)
        }
        #expect(schemaTypes.count == wantTypes.count && typesMatch,
                "\(name): schema \(schemaTypes), expected \(wantTypes)")

        if expected.isMetadataOnly {
            let paths = reader.rowGroups.indices.map { reader.rowGroups[$0].columns.first?.filePath }
            let rows = reader.rowGroups.map { Int($0.numRows) }
            #expect(paths == (expected.row_groups ?? []).map(\.file_path), "\(name): row group file paths")
            #expect(rows == (expected.row_groups ?? []).map(\.num_rows), "\(name): row group sizes")
            return
        }

        // Default options (pread, columns decoded in parallel), then a mapped file decoded serially.
        let serialMapped = try ParquetFileReader(path: TestPaths.fixture(name).path, mapped: true,
                                                 options: ReadOptions(concurrency: 1))
        for (how, source) in [("default", reader), ("mapped, serial", serialMapped)] {
            let table = try source.read()
            #expect(table.rowCount == expected.num_rows, "\(name) (\(how)): rows read")
            #expect(table.columnNames == expected.columns.map(\.name), "\(name) (\(how)): column names")
            for column in expected.columns {
                guard let actual = table[column.name] else {
                    Issue.record("\(name) (\(how)): column \(column.name) missing")
                    continue
                }
                let diffs = differences(in: actual, from: column)
                #expect(diffs.isEmpty, "\(name) (\(how)): \(diffs.joined(separator: "; "))")
            }
        }
    }

    /// `_metadata` names its data files; reading them through it gives the files' rows in order.
    @Test("_metadata row groups resolve to the data files")
    func metadataResolvesDataFiles() throws {
        let reader = try ParquetFileReader(path: TestPaths.fixture("dataset/_metadata").path)
        let expected = try ExpectedFile.load(TestPaths.expected("dataset/_metadata"))
        let groups = expected.row_groups ?? []
        #expect(reader.rowGroups.count == groups.count)
        for (index, group) in groups.enumerated() where index < reader.rowGroups.count {
            let path = try #require(reader.dataFilePath(rowGroup: index))
            #expect(path.hasSuffix(group.file_path ?? "?"))
            let data = try ParquetFileReader(path: path)
            #expect(data.numRows == Int64(group.num_rows))
        }
    }
}
