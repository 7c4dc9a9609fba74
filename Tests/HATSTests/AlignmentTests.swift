import Foundation
import HEALPix
import Parquet
import Testing
@testable import HATS

/// hats' `generate_alignment` results (Scripts/make_partitioning_fixtures.py) against ours.
@Suite struct AlignmentTests {
    struct Case: Decodable {
        let name: String
        let highest: Int
        let lowest: Int
        let threshold: Int
        let drop: Bool
        let histogram: [[Int64]]?
        let bytes: [[Int64]]?
        let sample: String?
        let destinations: [[Int64]]?
        let error: String?
    }

    static let cases: [Case] = (try? HATSFixture.decode([Case].self, "alignment.json")) ?? []

    /// Samples/gaia's `_healpix_29` values.
    static let gaiaIndex: [Int64] = {
        var values: [Int64] = []
        let info = try! PartitionInfo.read(catalogDirectory: HATSFixture.sample("gaia"))
        for pixel in info.pixels {
            let file = HATSPaths.pixelFile(catalogRoot: HATSFixture.sample("gaia"), pixel: pixel)
            let table = try! ParquetFileReader(path: file).read(columns: ["_healpix_29"])
            values += Array(try! table.column(named: "_healpix_29").values(as: Int64.self))
        }
        return values
    }()

    static func histogram(order: Int, sparse: [[Int64]]) -> PixelHistogram {
        var h = PixelHistogram(order: order)
        for pair in sparse { h.add(pair[1], toPixel: Int(pair[0])) }
        return h
    }

    @Test func fixtureHasCases() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases.map(\.name))
    func matchesHats(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        var rows: PixelHistogram
        if c.sample == "gaia" {
            rows = PixelHistogram(order: c.highest)
            Self.gaiaIndex.withUnsafeBufferPointer { rows.add(index: $0) }
        } else {
            rows = Self.histogram(order: c.highest, sparse: c.histogram ?? [])
        }
        let bytes = c.bytes.map { Self.histogram(order: c.highest, sparse: $0) }
        let options = PartitioningOptions(lowestOrder: c.lowest, highestOrder: c.highest,
                                          threshold: bytes == nil ? .rows(c.threshold) : .bytes(c.threshold),
                                          dropEmptySiblings: c.drop)
        if let expectedError = c.error {
            #expect(throws: HATSError.self) { _ = try Alignment(rows: rows, supplemental: bytes, options: options) }
            do { _ = try Alignment(rows: rows, supplemental: bytes, options: options) } catch {
                #expect(error.message == expectedError)
            }
            return
        }
        let alignment = try Alignment(rows: rows, supplemental: bytes, options: options)
        let got = zip(alignment.partitions, alignment.rowCounts).map { [Int64($0.order), Int64($0.index), $1] }
        #expect(got == c.destinations)
        #expect(alignment.rowCounts.reduce(0, +) == rows.total)
        // Every non-empty bin lands in exactly the partition that contains it.
        for (i, count) in rows.counts.enumerated() where count > 0 {
            let p = try #require(alignment.partitionIndex(ofIndex29: UInt64(i) << UInt64(2 * (29 - c.highest))))
            #expect(alignment.partitions[p].contains(HealpixPixel(order: c.highest, index: UInt64(i))))
        }
    }

    @Test func constantOrderKeepsEveryNonEmptyPixel() throws {
        var h = PixelHistogram(order: 3)
        h.add(5, toPixel: 10)
        h.add(7, toPixel: 700)
        let alignment = try Alignment(rows: h, options: .constantOrder(3))
        #expect(alignment.partitions == [HealpixPixel(order: 3, index: 10), HealpixPixel(order: 3, index: 700)])
        #expect(alignment.rowCounts == [5, 7])
    }

    @Test func rejectsAHistogramAtTheWrongOrder() {
        #expect(throws: HATSError.self) {
            _ = try Alignment(rows: PixelHistogram(order: 3), options: PartitioningOptions(highestOrder: 4))
        }
    }
}
