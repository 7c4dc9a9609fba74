import Columnar
import Foundation
import HATS
import HEALPix
import Parquet
import Testing
@testable import LSDB

/// Every case of `Fixtures/crossmatch/expected.json`, made by the real lsdb 0.11.1 with
/// `Scripts/make_crossmatch_fixtures.py`: the sample catalogs and purpose-built ones
/// (mixed orders, margin-only pairs, points outside the right coverage), k, radii,
/// minimum radii, inner and left joins, suffixes, queries after the match, chained
/// matches and in-memory tables. Pairs are compared in order with their distances.
@Suite struct CrossmatchReferenceTests {
    static let cases: [LSDBReferenceTests.Case] = {
        let url = URL(fileURLWithPath: Repo.fixtures + "/crossmatch/expected.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["cases"] as? [[String: Any]] else { return [] }
        return list.map { LSDBReferenceTests.Case(name: $0["name"] as? String ?? "?", json: $0.mapValues(Sendable_.init)) }
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func matchesLSDB(_ testCase: LSDBReferenceTests.Case) async throws {
        let c = testCase.json.mapValues(\.value)
        let params = c["params"] as? [String: Any] ?? [:]
        if params["how"] as? String == "outer" { return }  // not offered (see README)
        if let error = c["error"] as? String {
            await #expect(throws: (any Error).self, "lsdb raised \(error)") { _ = try await Self.run(c).1.compute() }
            return
        }
        let (warnings, catalog) = try Self.run(c)
        let expectedWarnings = (c["warnings"] as? [String] ?? []).filter { $0.contains("margin cache") }
        #expect(warnings.filter { $0.contains("margin cache") }.count == expectedWarnings.count, "\(testCase.name): warnings \(warnings)")
        let table = try await catalog.compute(options: ExecutionOptions(concurrency: 3))
        let e = try #require(c["result"] as? [String: Any])
        try Self.compare(table, catalog: catalog, e, label: testCase.name)
    }

    /// Opens (or builds) both sides, crossmatches, then applies the `then` steps.
    static func run(_ c: [String: Any]) throws -> ([String], Catalog) {
        let params = c["params"] as? [String: Any] ?? [:]
        let left: Catalog
        if let spec = c["left_table"] as? [String: Any] {
            left = try table(spec, name: spec["catalog_name"] as? String ?? "from_lsdb_dataframe", margin: 5)
        } else {
            left = try side(c["left"] as! [String: Any])
        }
        var result: Catalog
        if let spec = c["right_table"] as? [String: Any] {
            let suffixes = params["suffixes"] as? [String]
            let name = suffixes.map { String($0[1].dropFirst()) } ?? "right"
            let rows = try ParquetFileReader(path: Repo.path(spec["file"] as! String)).read()
            result = try left.crossmatch(rows, raColumn: spec["ra_column"] as? String, decColumn: spec["dec_column"] as? String,
                                         name: name, options: options(params))
        } else {
            result = try left.crossmatch(side(c["right"] as! [String: Any]), options: options(params))
        }
        var warnings = result.warnings
        if let then = c["then"] as? [String: Any] {
            if let query = then["query"] as? String { result = try result.query(query) }
            if let next = then["crossmatch"] as? [String: Any] {
                result = try result.crossmatch(side(next["right"] as! [String: Any]),
                                               options: options(next["params"] as? [String: Any] ?? [:]))
                warnings = result.warnings
            }
        }
        return (warnings, result)
    }

    static func options(_ p: [String: Any]) -> CrossmatchOptions {
        let suffixes = (p["suffixes"] as? [String]).map { (left: $0[0], right: $0[1]) }
        return CrossmatchOptions(
            radiusArcsec: (p["radius_arcsec"] as? NSNumber)?.doubleValue ?? 1,
            nNeighbors: p["n_neighbors"] as? Int ?? 1,
            minRadiusArcsec: (p["min_radius_arcsec"] as? NSNumber)?.doubleValue ?? 0,
            how: CrossmatchJoin(rawValue: p["how"] as? String ?? "inner") ?? .inner,
            suffixes: suffixes,
            suffixMethod: SuffixMethod(rawValue: p["suffix_method"] as? String ?? "all_columns") ?? .allColumns)
    }

    static func side(_ s: [String: Any]) throws -> Catalog {
        let margin: CatalogMetadata.MarginSelection
        switch s["margin"] {
        case let m as String where m == "default": margin = .default
        case let m as String: margin = .path(Repo.path(m))
        default: margin = .none
        }
        let columns: Catalog.Columns = (s["columns"] as? [String]).map { .names($0) } ?? .default
        var catalog = try Catalog.open(Repo.path(s["catalog"] as! String), columns: columns, margin: margin)
        if let search = s["search"] as? [String: Any] { catalog = try catalog.search(LSDBReferenceTests.makeSearch(search)) }
        if let query = s["query"] as? String { catalog = try catalog.query(query) }
        return catalog
    }

    static func table(_ spec: [String: Any], name: String, margin: Double) throws -> Catalog {
        let rows = try ParquetFileReader(path: Repo.path(spec["file"] as! String)).read()
        return try Catalog(rows, raColumn: spec["ra_column"] as? String, decColumn: spec["dec_column"] as? String,
                           marginThreshold: margin, catalogName: name)
    }

    static func compare(_ table: Table, catalog: Catalog, _ e: [String: Any], label: String) throws {
        #expect(table.rowCount == e["rows"] as? Int, "\(label): rows")
        let partitions = (e["partitions"] as? [[Int]] ?? []).map { HealpixPixel(order: $0[0], index: UInt64($0[1])) }
        #expect(catalog.partitions == partitions, "\(label): partitions")
        let index = e["index_name"] as? String
        #expect(table.indexColumnName == index, "\(label): index")
        #expect(table.columnNames.filter { $0 != index } == e["columns"] as? [String], "\(label): columns")
        let types = table.schema.fields.filter { $0.name != index }.map { "\($0.type)".replacingOccurrences(of: "large_string", with: "string") }
        #expect(types == (e["dtypes"] as? [String])?.map { $0.replacingOccurrences(of: "large_string", with: "string") },
                "\(label): types")
        guard let leftKey = e["left_key"] as? String, let rightKey = e["right_key"] as? String,
              let l = table[leftKey], let r = table[rightKey], let d = table["_dist_arcsec"] else { return }
        if let pairs = e["pairs"] as? [[Any]] {
            let lv = l.values(as: Int64.self), rv = r.values(as: Int64.self), dv = d.values(as: Double.self)
            var mismatches = 0
            for (i, pair) in pairs.enumerated() where i < table.rowCount {
                let wantLeft = (pair[0] as? NSNumber)?.int64Value
                let wantRight = (pair[1] as? NSNumber)?.int64Value
                let wantDistance = (pair[2] as? NSNumber)?.doubleValue
                let gotRight: Int64? = r.isNull(i) ? nil : rv[i]
                let gotDistance: Double? = d.isNull(i) ? nil : dv[i]
                let distanceOK = wantDistance == nil ? gotDistance == nil
                    : gotDistance.map { abs($0 - wantDistance!) <= 1e-6 } ?? false
                if lv[i] != wantLeft || gotRight != wantRight || !distanceOK {
                    mismatches += 1
                    if mismatches <= 3 {
                        Issue.record("\(label): row \(i) is (\(lv[i]), \(gotRight.map(String.init) ?? "null"), \(gotDistance.map { "\($0)" } ?? "null")), lsdb has \(pair)")
                    }
                }
            }
            #expect(mismatches == 0, "\(label): \(mismatches) rows differ")
        }
        if let sum = e["dist_sum"] as? NSNumber {
            var total = 0.0
            let dv = d.values(as: Double.self)
            for i in 0..<d.count where d.isValid(i) { total += dv[i] }
            #expect(abs(total - sum.doubleValue) <= 1e-6 * max(1, abs(sum.doubleValue)), "\(label): distance sum")
        }
    }
}
