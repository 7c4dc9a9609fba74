import Columnar
import Foundation
import Testing
@testable import Parquet

/// Files written by `ParquetWriter` must read back with the same types and values in pyarrow,
/// pandas, DuckDB and polars, with statistics, sorting columns and the page index readable.
///
/// The test writes every case into one temporary directory, each file beside an
/// `.expected.json` sidecar (built from the table we wrote), then runs
/// `Scripts/interop_parquet.py` once over the directory (one Python process for the suite).
/// It also reads every file back with our own reader first.
///
/// Python comes from `$LSDB_PYTHON`, else `<repo>/.venv/bin/python`. Without it the test is
/// skipped with a message, except under `CI=true`, where it fails.
@Suite("Parquet interop with pyarrow, pandas, DuckDB and polars")
struct InteropTests {
    /// A file to write: its relative path, the table, the options and the footer checks.
    struct Case {
        var path: String
        var table: Table
        var options: ParquetWriteOptions
        var description: String
        var rowGroups: Int?
        var checks: String?
        var skipReaders: [String: String] = [:]
    }

    static func cases() -> [Case] {
        var cases: [Case] = []
        let types = InteropTables.allTypes()
        let stats = "\"statistics\":true"

        cases.append(Case(path: "all_types_default.parquet", table: types, options: .pyarrowDefault,
                          description: "every supported type, pyarrowDefault preset", rowGroups: 1,
                          checks: "\(stats),\"codec\":\"SNAPPY\""))
        cases.append(Case(path: "required.parquet", table: InteropTables.required(), options: .pyarrowDefault,
                          description: "non-nullable (REQUIRED) columns", rowGroups: 1, checks: stats))
        cases.append(Case(path: "nulls.parquet", table: InteropTables.nulls(), options: .pyarrowDefault,
                          description: "all-null and nearly-null columns", rowGroups: 1, checks: stats))
        cases.append(Case(path: "nested.parquet", table: InteropTables.nested(), options: .pyarrowDefault,
                          description: "struct, list<struct>, struct<list>, list<list>, nulls at every level",
                          rowGroups: 1, checks: stats))
        cases.append(Case(path: "nested_hats.parquet", table: InteropTables.nested(rows: 3_000, seed: 8), options: .hats,
                          description: "nested columns with the hats preset (dictionaries, BSS floats, page index)",
                          rowGroups: 1, checks: "\(stats),\"page_index\":true"))
        cases.append(Case(path: "empty.parquet", table: InteropTables.allTypes().slice(0..<0), options: .pyarrowDefault,
                          description: "0 rows"))

        // Each codec the writer offers (pyarrow names LZ4_RAW "LZ4").
        for (codec, name) in [(CompressionCodec.uncompressed, "UNCOMPRESSED"), (.snappy, "SNAPPY"), (.gzip, "GZIP"),
                              (.zstd, "ZSTD"), (.lz4Raw, "LZ4")] {
            var options = ParquetWriteOptions.pyarrowDefault
            options.compression = codec
            cases.append(Case(path: "codec_\(name.lowercased()).parquet", table: types, options: options,
                              description: "compression \(codec)", rowGroups: 1, checks: "\"codec\":\"\(name)\""))
        }

        // The hats preset, as hats-import lays out a partition.
        let hats = InteropTables.healpix(rows: 8_000)
        let hatsChecks = "\(stats),\"sorting_columns\":[[0,false,false]],\"page_index\":true,\"codec\":\"ZSTD\","
            + "\"encodings\":{\"_healpix_29\":[\"DELTA_BINARY_PACKED\"],\"ra\":[\"BYTE_STREAM_SPLIT\"],"
            + "\"class\":[\"RLE_DICTIONARY\"]}"
        cases.append(Case(path: "hats_preset.parquet", table: hats, options: .hats,
                          description: "hats preset: ZSTD 15, BSS floats, DELTA _healpix_29, page index, sorting_columns",
                          rowGroups: 1, checks: hatsChecks))
        cases.append(Case(path: "hats_types.parquet", table: types, options: .hats,
                          description: "every supported type with the hats preset", rowGroups: 1, checks: stats))
        cases.append(Case(path: "pyarrow_default_preset.parquet", table: hats, options: .pyarrowDefault,
                          description: "pyarrowDefault preset on a HATS-like table", rowGroups: 1,
                          checks: "\(stats),\"codec\":\"SNAPPY\""))

        // Several row groups, small pages with a page index, dictionary fallback to PLAIN.
        var small = ParquetWriteOptions.pyarrowDefault
        small.rowGroupSize = 2_000
        small.dataPageSize = 2_048
        small.maxRowsPerPage = 500
        small.dictionaryPageSizeLimit = 4_096
        small.writePageIndex = true
        small.sortingColumnNames = ["_healpix_29"]
        cases.append(Case(path: "row_groups_small_pages.parquet", table: hats, options: small,
                          description: "4 row groups, 2 KiB / 500-row pages, page index, dictionary fallback",
                          rowGroups: 4,
                          checks: "\(stats),\"page_index\":true,\"sorting_columns\":[[0,false,false]],"
                              + "\"encodings\":{\"name\":[\"RLE_DICTIONARY\",\"PLAIN\"]}"))

        // Explicit encodings per column.
        var encoded = ParquetWriteOptions.pyarrowDefault
        encoded.useDictionary = false
        encoded.dataPageSize = 4_096
        encoded.columnEncodings = [
            "int32": .deltaBinaryPacked, "int64": .deltaBinaryPacked, "ts_us_utc": .deltaBinaryPacked,
            "float": .byteStreamSplit, "double": .byteStreamSplit,
            "uint32": .byteStreamSplit, "string": .deltaLengthByteArray, "binary": .deltaByteArray,
            "list_string": .deltaByteArray, "list_int64": .deltaBinaryPacked,
        ]
        let encodingChecks = "\(stats),\"encodings\":{\"int32\":[\"DELTA_BINARY_PACKED\"],\"int64\":[\"DELTA_BINARY_PACKED\"],"
            + "\"double\":[\"BYTE_STREAM_SPLIT\"],\"float\":[\"BYTE_STREAM_SPLIT\"],"
            + "\"string\":[\"DELTA_LENGTH_BYTE_ARRAY\"],\"binary\":[\"DELTA_BYTE_ARRAY\"],"
            + "\"list_string.list.element\":[\"DELTA_BYTE_ARRAY\"],\"list_int64.list.element\":[\"DELTA_BINARY_PACKED\"]}"
        cases.append(Case(path: "encodings.parquet", table: InteropTables.allTypes(rows: 3_000, seed: 9), options: encoded,
                          description: "DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, PLAIN",
                          rowGroups: 1, checks: encodingChecks))
        var bssFixed = ParquetWriteOptions.pyarrowDefault
        bssFixed.columnEncodings = ["fixed_size_binary": .byteStreamSplit, "decimal_18_4": .byteStreamSplit]
        cases.append(Case(path: "bss_fixed_size_binary.parquet",
                          table: try! InteropTables.allTypes(rows: 500, seed: 11).selecting(["fixed_size_binary", "decimal_18_4"]),
                          options: bssFixed, description: "BYTE_STREAM_SPLIT on FIXED_LEN_BYTE_ARRAY and INT64 decimals",
                          rowGroups: 1,
                          checks: "\"encodings\":{\"fixed_size_binary\":[\"BYTE_STREAM_SPLIT\"],\"decimal_18_4\":[\"BYTE_STREAM_SPLIT\"]}",
                          skipReaders: ["duckdb": "DuckDB 2.0 reads BYTE_STREAM_SPLIT only for FLOAT/DOUBLE/INT32/INT64",
                                        "polars": "polars 2.1 does not decode BYTE_STREAM_SPLIT FIXED_LEN_BYTE_ARRAY pages"]))
        return cases
    }

    @Test("our files read back in pyarrow, pandas, DuckDB and polars",
          .enabled(if: TestPython.executable() != nil || TestPython.isCI,
                   "no Python with pyarrow: set LSDB_PYTHON or create .venv (make venv); under CI=true this fails"))
    func interop() throws {
        guard let python = TestPython.executable() else {
            Issue.record("CI=true but no Python found (LSDB_PYTHON unset or not executable, no .venv/bin/python)")
            return
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("parquet-interop-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        for c in Self.cases() {
            let url = directory.appendingPathComponent(c.path)
            try ParquetWriter.write(c.table, to: url.path, options: c.options)
            let sidecar = ExpectedWriter.sidecar(for: c.table, file: c.path, description: c.description,
                                                 rowGroups: c.rowGroups, checks: c.checks, skipReaders: c.skipReaders)
            try sidecar.write(to: directory.appendingPathComponent(c.path + ".expected.json"), atomically: true, encoding: .utf8)
            try checkOwnReadBack(url, sidecar: sidecar, name: c.path)
        }
        try writeDataset(in: directory.appendingPathComponent("dataset"))

        let run = try TestPython.run(python, script: TestPaths.script("interop_parquet.py"), arguments: [directory.path])
        let failures = run.output.split(separator: "\n").filter { $0.hasPrefix("FAIL") || $0.hasPrefix("error") }
        #expect(run.status == 0, "interop_parquet.py exited \(run.status):\n\(failures.joined(separator: "\n"))\n--- full output ---\n\(run.output)")
    }

    /// Reads `url` with our reader and compares it with the sidecar we wrote for it.
    func checkOwnReadBack(_ url: URL, sidecar: String, name: String) throws {
        let expected = try JSONDecoder().decode(ExpectedFile.self, from: Data(sidecar.utf8))
        let table = try ParquetFileReader(path: url.path).read()
        #expect(table.rowCount == expected.num_rows, "\(name): rows read back")
        for column in expected.columns {
            guard let actual = table[column.name] else {
                Issue.record("\(name): column \(column.name) missing on read-back")
                continue
            }
            let diffs = differences(in: actual, from: column)
            #expect(diffs.isEmpty, "\(name) read back by our reader: \(diffs.joined(separator: "; "))")
        }
    }

    /// A HATS-like data set: two pixel files, `_metadata` naming them and `_common_metadata`.
    func writeDataset(in root: URL) throws {
        var footers: [(path: String, metadata: FileMetaData)] = []
        var groups: [(path: String, rows: Int)] = []
        var schema: Columnar.Schema?
        for (pixel, rows) in [(4, 300), (7, 200)] {
            let relative = "Norder=0/Dir=0/Npix=\(pixel).parquet"
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let table = InteropTables.healpix(rows: rows, seed: UInt64(pixel), start: Int64(pixel) << 58)
            schema = table.schema
            let footer = try ParquetWriter.write(table, to: url.path, options: .hats)
            footers.append((relative, footer))
            groups.append((relative, rows))
            try ExpectedWriter.sidecar(for: table, file: relative, description: "HATS pixel \(pixel)", rowGroups: 1,
                                       checks: "\"statistics\":true,\"sorting_columns\":[[0,false,false]],\"page_index\":true")
                .write(to: root.appendingPathComponent(relative + ".expected.json"), atomically: true, encoding: .utf8)
        }
        try ParquetMetadataFile.write(ParquetMetadataFile.merged(footers), to: root.appendingPathComponent("_metadata").path)
        try ParquetMetadataFile.write(ParquetMetadataFile.common(from: footers[0].metadata),
                                      to: root.appendingPathComponent("_common_metadata").path)
        try ExpectedWriter.metadataSidecar(schema: schema!, file: "_metadata", rowGroups: groups)
            .write(to: root.appendingPathComponent("_metadata.expected.json"), atomically: true, encoding: .utf8)
        try ExpectedWriter.metadataSidecar(schema: schema!, file: "_common_metadata", rowGroups: [])
            .write(to: root.appendingPathComponent("_common_metadata.expected.json"), atomically: true, encoding: .utf8)
    }
}
