import Columnar
import Foundation
import Testing
import Parquet

/// Reads the real hats-import output committed under `Samples/` (gaia, ztf, ztf_10arcs, rubin)
/// and compares it with pyarrow's reading, recorded by `Scripts/make_sample_digests.py` in
/// `Fixtures/samples_digest.json`: row counts, column names, type names, null counts, the values at
/// rows 0, 1, n/2, n-2, n-1, the min/max of each column, and the `_metadata` /
/// `_common_metadata` footers. Floats are compared bit for bit (NaN matches NaN).
@Suite("Samples catalogs match pyarrow")
struct SampleCatalogTests {
    /// The directory holding `Package.swift`.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// Loaded once and never mutated.
    nonisolated(unsafe) static let digest: [String: Any] = {
        let url = root.appendingPathComponent("Tests/ParquetTests/Fixtures/samples_digest.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }()

    static func entries(_ key: String) -> [[String: Any]] { digest[key] as? [[String: Any]] ?? [] }

    static var filePaths: [String] { entries("files").compactMap { $0["path"] as? String } }
    static var metadataPaths: [String] { entries("metadata").compactMap { $0["path"] as? String } }
    static var commonMetadataPaths: [String] { entries("common_metadata").compactMap { $0["path"] as? String } }

    static func entry(_ key: String, _ path: String) -> [String: Any]? {
        entries(key).first { $0["path"] as? String == path }
    }

    @Test("the digest covers every sample file")
    func digestIsPresent() throws {
        #expect(Self.filePaths.count >= 100, "digest lists \(Self.filePaths.count) data files")
        #expect(Self.metadataPaths.count == 4)
        #expect(Self.commonMetadataPaths.count == 4)
        // Every data file on disk is in the digest (regenerate the digest when samples change).
        let samples = Self.root.appendingPathComponent("Samples")
        var onDisk: [String] = []
        if let walker = FileManager.default.enumerator(atPath: samples.path) {
            for case let relative as String in walker where relative.hasSuffix(".parquet") {
                onDisk.append("Samples/" + relative)
            }
        }
        #expect(onDisk.sorted() == Self.filePaths, "Samples/ data files differ from the digest")
    }

    @Test("data file decodes as pyarrow reads it", arguments: SampleCatalogTests.filePaths)
    func dataFile(_ path: String) throws {
        let expected = try #require(Self.entry("files", path))
        let reader = try ParquetFileReader(path: Self.root.appendingPathComponent(path).path)
        let table = try reader.read()
        let rows = try #require(expected["num_rows"] as? Int)
        #expect(reader.numRows == Int64(rows), "\(path): footer rows")
        #expect(table.rowCount == rows, "\(path): table rows")

        let columns = try #require(expected["columns"] as? [[String: Any]])
        #expect(table.schema.fields.map(\.name) == columns.map { $0["name"] as? String ?? "?" }, "\(path): column names")
        for (index, spec) in columns.enumerated() where index < table.columns.count {
            let name = spec["name"] as? String ?? "?"
            let column = table.columns[index]
            let at = "\(path) column \(name)"
            #expect(column.count == rows, "\(at): count")
            #expect(column.type.description == spec["type"] as? String, "\(at): type")
            #expect(column.nullCount == spec["null_count"] as? Int, "\(at): null count")

            for sample in spec["samples"] as? [[Any]] ?? [] {
                let row = try #require(sample[0] as? Int)
                try #require(row < column.count, "\(at): row \(row) out of range")
                let want = sample[1] as? String
                let got = column[row]
                #expect(Self.matches(got, want), "\(at) row \(row): reader \(got) (\(got.debugText)), pyarrow \(want ?? "null")")
            }

            let (low, high) = Self.extremes(column)
            let wantMin = spec["min"] as? String, wantMax = spec["max"] as? String
            #expect(Self.matches(low ?? .null, wantMin), "\(at) min: reader \(String(describing: low)), pyarrow \(wantMin ?? "null")")
            #expect(Self.matches(high ?? .null, wantMax), "\(at) max: reader \(String(describing: high)), pyarrow \(wantMax ?? "null")")
        }
    }

    @Test("_metadata footer matches pyarrow", arguments: SampleCatalogTests.metadataPaths)
    func metadataFile(_ path: String) throws {
        let expected = try #require(Self.entry("metadata", path))
        let reader = try ParquetFileReader(path: Self.root.appendingPathComponent(path).path)
        #expect(reader.metadata.rowGroups.count == expected["num_row_groups"] as? Int, "\(path): row groups")
        #expect(reader.numRows == Int64(expected["num_rows"] as? Int ?? -1), "\(path): rows")
        #expect(reader.rowGroups.reduce(0) { $0 + $1.numRows } == reader.numRows, "\(path): row-group rows sum")

        let raw = Set(reader.rowGroups.compactMap { $0.columns.first?.filePath })
        let want = Set(expected["file_paths"] as? [String] ?? [])
        #expect(raw == want, "\(path): file_path set; only reader \(raw.subtracting(want)), only pyarrow \(want.subtracting(raw))")

        // Each row group resolves to a data file that exists and holds the row group's rows.
        var rowsPerFile: [String: Int64] = [:]
        for (index, location) in reader.rowGroupLocations().enumerated() {
            let file = try #require(location.path, "\(path): row group \(index) has no data file")
            rowsPerFile[file, default: 0] += reader.rowGroups[index].numRows
        }
        for (file, rows) in rowsPerFile {
            #expect(FileManager.default.fileExists(atPath: file), "\(path): \(file) missing")
            let data = try ParquetFileReader(path: file)
            #expect(data.numRows == rows, "\(path): \(file) rows")
        }
    }

    @Test("_common_metadata schema matches pyarrow", arguments: SampleCatalogTests.commonMetadataPaths)
    func commonMetadataFile(_ path: String) throws {
        let expected = try #require(Self.entry("common_metadata", path))
        let reader = try ParquetFileReader(path: Self.root.appendingPathComponent(path).path)
        let fields = reader.columnarSchema.fields
        #expect(fields.map(\.name) == expected["names"] as? [String], "\(path): column names")
        #expect(fields.map(\.type.description) == expected["types"] as? [String], "\(path): column types")
    }

    // MARK: - Helpers

    /// Whether `value` is the value pyarrow recorded as `expected` (nil for null; ints as decimal
    /// strings; floats as Python `repr`, compared bit for bit).
    static func matches(_ value: Scalar, _ expected: String?) -> Bool {
        guard let expected else { return value == .null }
        switch value {
        case .null: return false
        case .int(let v): return Int64(expected) == v
        case .uint(let v): return UInt64(expected) == v
        case .double(let v): return sameDouble(v, expected)
        case .float(let v): return sameDouble(Double(v), expected)
        case .bool(let v): return expected == (v ? "True" : "False")
        case .string(let v): return expected == v
        default: return value.description == expected
        }
    }

    static func sameDouble(_ value: Double, _ text: String) -> Bool {
        guard let want = Double(text) else { return false }
        if want.isNaN { return value.isNaN }
        return want.bitPattern == value.bitPattern
    }

    /// The smallest and largest non-null, non-NaN values (the first of equals, as Python's
    /// `min`/`max` pick).
    static func extremes(_ column: Column) -> (Scalar?, Scalar?) {
        var low: Scalar?, high: Scalar?
        for row in 0..<column.count {
            let value = column[row]
            if value == .null { continue }
            if case .double(let d) = value, d.isNaN { continue }
            if case .float(let f) = value, f.isNaN { continue }
            if low == nil || less(value, low!) { low = value }
            if high == nil || less(high!, value) { high = value }
        }
        return (low, high)
    }

    static func less(_ a: Scalar, _ b: Scalar) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case let (.uint(x), .uint(y)): return x < y
        case let (.double(x), .double(y)): return x < y
        case let (.float(x), .float(y)): return x < y
        case let (.string(x), .string(y)): return x < y
        case let (.bool(x), .bool(y)): return !x && y
        default: return a.description < b.description
        }
    }
}

private extension Scalar {
    /// The value with its case, for failure messages.
    var debugText: String {
        switch self {
        case .double(let v): return "double bits 0x\(String(v.bitPattern, radix: 16))"
        case .float(let v): return "float bits 0x\(String(v.bitPattern, radix: 16))"
        default: return String(reflecting: self)
        }
    }
}
