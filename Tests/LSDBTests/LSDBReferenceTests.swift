import Columnar
import Foundation
import HEALPix
import Testing
@testable import LSDB

/// Every case of `Fixtures/lsdb/expected.json`, made by the real lsdb 0.11.1 with
/// `Scripts/make_lsdb_fixtures.py`: opens, searches (at open time and later),
/// queries, column selections, heads, margins, and the edge-case catalogs.
@Suite struct LSDBReferenceTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let json: [String: Sendable_]
        var description: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: Repo.fixtures + "/lsdb/expected.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["cases"] as? [[String: Any]] else { return [] }
        return list.map { Case(name: $0["name"] as? String ?? "?", json: $0.mapValues(Sendable_.init)) }
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func matchesLSDB(_ testCase: Case) async throws {
        let c = testCase.json.mapValues(\.value)
        if let error = c["error"] as? String {
            if error.hasPrefix("ImportError") { return }  // lsdb lacked an optional dependency: no reference
            await #expect(throws: (any Error).self, "lsdb raised \(error)") { _ = try await Self.run(c) }
            return
        }
        let (catalog, table) = try await Self.run(c)
        let expected = try #require(c["result"] as? [String: Any])
        try Self.compare(table, catalog: catalog, expected, label: testCase.name)
        if let marginExpected = c["margin_result"] as? [String: Any] {
            let margin = try #require(catalog.margin, "lsdb has a margin")
            let marginTable = try await margin.compute()
            try Self.compare(marginTable, catalog: margin, marginExpected, label: testCase.name + " (margin)")
        }
    }

    /// Runs one case: open, then the search and query in the recorded order, then head or compute.
    static func run(_ c: [String: Any]) async throws -> (Catalog, Table) {
        let open = c["open"] as? [String: Any] ?? [:]
        let margin: HATSMargin
        switch open["margin"] {
        case let path as String where path == "default": margin = .default
        case let path as String: margin = .path(Repo.path(path))
        default: margin = .none
        }
        let columns: Catalog.Columns
        switch open["columns"] {
        case let all as String where all == "all": columns = .all
        case let names as [String]: columns = .names(names)
        default: columns = .default
        }
        let search = try (c["search"] as? [String: Any]).map(makeSearch)
        let atOpen = c["search_at_open"] as? Bool ?? false
        var catalog = try Catalog.open(Repo.path(c["catalog"] as! String), columns: columns, margin: margin,
                                       search: atOpen ? search : nil)
        let query = c["query"] as? String
        let queryFirst = c["query_first"] as? Bool ?? false
        if let query, queryFirst || atOpen { catalog = try catalog.query(query) }
        if let search, !atOpen { catalog = try catalog.search(search) }
        if let query, !(queryFirst || atOpen) { catalog = try catalog.query(query) }
        if let n = c["head"] as? Int { return (catalog, try await catalog.head(n)) }
        return (catalog, try await catalog.compute(options: ExecutionOptions(concurrency: 3)))
    }

    typealias HATSMargin = HATS_MarginSelection

    static func makeSearch(_ s: [String: Any]) throws -> any Search {
        func d(_ key: String) -> Double { (s[key] as? NSNumber)?.doubleValue ?? .nan }
        func pairs(_ key: String) -> [[Double]] { (s[key] as? [[NSNumber]] ?? []).map { $0.map(\.doubleValue) } }
        switch s["kind"] as? String {
        case "cone": return ConeSearch(ra: d("ra"), dec: d("dec"), radiusArcsec: d("radius_arcsec"))
        case "box":
            let ra = (s["ra"] as! [NSNumber]).map(\.doubleValue), dec = (s["dec"] as! [NSNumber]).map(\.doubleValue)
            return BoxSearch(ra: (ra[0], ra[1]), dec: (dec[0], dec[1]))
        case "polygon": return PolygonSearch(vertices: pairs("vertices").map { (ra: $0[0], dec: $0[1]) })
        case "order": return OrderSearch(minOrder: s["min"] as? Int ?? 0, maxOrder: s["max"] as? Int)
        case "pixel": return PixelSearch(pixels: pairs("pixels").map { HealpixPixel(order: Int($0[0]), index: UInt64($0[1])) })
        case "moc":
            let cells = pairs("pixels").map { (order: Int($0[0]), index: UInt64($0[1])) }
            return MOCSearch(MOC(cells: cells, maxOrder: s["order"] as? Int))
        default: throw LSDBError.invalidArgument("unknown search kind in fixture")
        }
    }

    static func compare(_ table: Table, catalog: Catalog, _ e: [String: Any], label: String) throws {
        let partitions = (e["partitions"] as? [[Int]] ?? []).map { HealpixPixel(order: $0[0], index: UInt64($0[1])) }
        #expect(catalog.partitions == partitions, "\(label): partitions")
        #expect(table.rowCount == e["rows"] as? Int, "\(label): rows")
        let index = e["index_name"] as? String
        #expect(table.indexColumnName == index, "\(label): index column")
        let columns = table.columnNames.filter { $0 != index }
        #expect(columns == e["columns"] as? [String], "\(label): columns")
        let types = table.schema.fields.filter { $0.name != index }.map { "\($0.type)" }
        #expect(types == e["dtypes"] as? [String], "\(label): types")
        guard let key = e["key"] as? String, let keyColumn = table[key] else { return }
        let keys = keyColumn.values(as: Int64.self)
        if let expectedKeys = e["keys"] as? [NSNumber] {
            #expect(Array(keys) == expectedKeys.map(\.int64Value), "\(label): keys in order")
        }
        if let first = e["keys_first"] as? [NSNumber] {
            #expect(Array(keys.prefix(first.count)) == first.map(\.int64Value), "\(label): first keys")
        }
        if let last = e["keys_last"] as? [NSNumber] {
            #expect(Array(keys.suffix(last.count)) == last.map(\.int64Value), "\(label): last keys")
        }
        #expect(exactSum(keys) == e["key_sum"] as? String, "\(label): key sum")
        if let index, let indexSum = e["index_sum"] as? String, let column = table[index] {
            #expect(exactSum(column.values(as: Int64.self)) == indexSum, "\(label): index sum")
        }
        for (name, value) in e["float_sums"] as? [String: NSNumber] ?? [:] {
            guard let column = table[name] else { Issue.record("\(label): no column \(name)"); continue }
            let values = try column.cast(to: .float64)
            var sum = 0.0
            let v = values.values(as: Double.self)
            for i in 0..<values.count where values.isValid(i) && !v[i].isNaN { sum += v[i] }
            let want = value.doubleValue
            #expect(abs(sum - want) <= 1e-9 * max(1, abs(want)), "\(label): sum of \(name) \(sum) vs \(want)")
        }
        for (name, value) in e["null_counts"] as? [String: Int] ?? [:] {
            #expect(table[name]?.nullCount == value, "\(label): nulls in \(name)")
        }
    }

    static func exactSum(_ values: ColumnValues<Int64>) -> String {
        var sum: Int128 = 0
        for v in values { sum += Int128(v) }
        return String(sum)
    }
}

typealias HATS_MarginSelection = HATS.CatalogMetadata.MarginSelection

/// Carries JSON values (immutable once parsed) across the test's concurrency domain.
struct Sendable_: @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}

import HATS
