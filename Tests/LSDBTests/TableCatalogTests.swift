import Columnar
import Foundation
import HATS
import HEALPix
import Parquet
import Testing
@testable import LSDB

/// `Catalog(table, …)` against `lsdb.from_dataframe` (Scripts/make_build_fixtures.py).
@Suite struct TableCatalogTests {
    struct Part: Decodable {
        let pixel: [Int]
        let ids: [Int64]
    }

    struct Case: Decodable {
        let name: String
        let partition_rows: Int?
        let highest_order: Int?
        let lowest_order: Int?
        let drop_empty_siblings: Bool?
        let margin_threshold: Double?
        let partitions: [Part]
        let margin_name: String?
        let margin: [Part]?
    }

    static let directory = Repo.fixtures + "/build"
    static let cases: [Case] = {
        guard let data = FileManager.default.contents(atPath: directory + "/expected.json") else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    static func table() throws -> Table {
        try ParquetFileReader(path: directory + "/table.parquet").read()
    }

    static func build(_ c: Case) throws -> Catalog {
        try Catalog(table(), lowestOrder: c.lowest_order ?? 0, highestOrder: c.highest_order ?? 7,
                    partitionRows: c.partition_rows, dropEmptySiblings: c.drop_empty_siblings ?? true,
                    marginThreshold: c.margin_threshold)
    }

    static func ids(_ catalog: Catalog, _ pixel: HealpixPixel) throws -> [Int64] {
        Array(try catalog.computePartition(pixel).column(named: "id").values(as: Int64.self))
    }

    @Test func fixtureHasCases() { #expect(Self.cases.count == 4) }

    @Test(arguments: cases.map(\.name))
    func matchesFromDataFrame(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let catalog = try Self.build(c)
        let expected = c.partitions.map { HealpixPixel(order: $0.pixel[0], index: UInt64($0.pixel[1])) }
        #expect(catalog.partitions == expected)
        #expect(catalog.totalRows == 3000)
        #expect(catalog.columnNames.first == "_healpix_29")
        for (pixel, part) in zip(expected, c.partitions) {
            #expect(try Self.ids(catalog, pixel) == part.ids, "partition \(pixel)")
        }
        guard let expectedMargin = c.margin else {
            #expect(catalog.margin == nil)
            return
        }
        let margin = try #require(catalog.margin)
        #expect(margin.name == c.margin_name)
        #expect(margin.catalogType == .margin)
        #expect(margin.marginThreshold == c.margin_threshold)
        let marginPixels = expectedMargin.map { HealpixPixel(order: $0.pixel[0], index: UInt64($0.pixel[1])) }
        #expect(margin.partitions == marginPixels)
        for (pixel, part) in zip(marginPixels, expectedMargin) {
            // lsdb sorts margin partitions by _healpix_29 with an unstable sort: compare as sets
            // of rows, and check our order is sorted.
            let got = try margin.computePartition(pixel)
            #expect(Set(Array(try got.column(named: "id").values(as: Int64.self))) == Set(part.ids), "margin \(pixel)")
            let h = Array(try got.column(named: "_healpix_29").values(as: Int64.self))
            #expect(h == h.sorted())
        }
    }

    @Test func nanCoordinatesNameTheColumnAndRow() throws {
        let table = try Table([
            ("ra", Column([1.0, 2.0, .nan])), ("dec", Column([0.0, 1.0, 2.0])),
        ])
        do {
            _ = try Catalog(table)
            Issue.record("expected an error")
        } catch let error as LSDBError {
            #expect("\(error)".contains("'ra'"))
            #expect("\(error)".contains("row 2"))
        }
    }

    @Test func detectsCoordinateColumns() throws {
        let table = try Table([
            ("objid", Column([Int64(1), 2])), ("coord_ra", Column([10.0, 11.0])),
            ("coord_dec", Column([-5.0, -6.0])), ("coord_ra_err", Column([0.1, 0.1])),
        ])
        let catalog = try Catalog(table, marginThreshold: nil)
        #expect(catalog.raColumn == "coord_ra")
        #expect(catalog.decColumn == "coord_dec")
        let ambiguous = try Table([("ra", Column([1.0])), ("ra_deg", Column([1.0])), ("dec", Column([0.0]))])
        #expect(throws: LSDBError.self) { _ = try Catalog(ambiguous) }
    }

    @Test func zeroThresholdGivesAnEmptyMargin() throws {
        let catalog = try Catalog(Self.table(), partitionRows: 500, marginThreshold: 0)
        let margin = try #require(catalog.margin)
        #expect(margin.partitions.isEmpty)
        #expect(margin.marginThreshold == 0)
    }
}
