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

@Suite struct MarginRingsTests {
    @Test func negativeTreeOfTheSpecExample() {
        let partitions = [HealpixPixel(order: 2, index: 66)] + (176...187).map { HealpixPixel(order: 2, index: UInt64($0)) }
            + [HealpixPixel(order: 1, index: 47)]
        let negative = Set(MarginRings.negativeTree(of: partitions))
        let expected = Set((0...3).map { HealpixPixel(order: 0, index: UInt64($0)) }
            + [64, 65, 67].map { HealpixPixel(order: 2, index: $0) }
            + [17, 18, 19].map { HealpixPixel(order: 1, index: $0) }
            + (5...10).map { HealpixPixel(order: 0, index: UInt64($0)) })
        #expect(negative == expected)
    }

    @Test func marginOrderFollowsTheThreshold() throws {
        #expect(try MarginRings.marginOrder(thresholdArcsec: 10, highestPartitionOrder: 5) == 13)
        #expect(try MarginRings.marginOrder(thresholdArcsec: 3600, highestPartitionOrder: 4) == 5)
        #expect(throws: HATSError.self) { try MarginRings.marginOrder(thresholdArcsec: 3600, highestPartitionOrder: 5) }
    }

    @Test func ringRowsGoToTheNeighbourOnly() {
        let partitions = (0..<12).map { HealpixPixel(order: 0, index: UInt64($0)) }
        let rings = MarginRings(partitions: partitions, marginOrder: 3)
        // The first order-3 cell of pixel 0 (its southern corner) borders other base pixels.
        var targets: [Int] = []
        rings.forEachTarget(ofIndex29: 0) { targets.append($0) }
        #expect(!targets.isEmpty)
        #expect(!targets.contains(0))
        // A cell in the middle of pixel 0 is in no ring.
        var none: [Int] = []
        rings.forEachTarget(ofIndex29: Int64(bitPattern: HealpixPixel(order: 3, index: 30).range29.lowerBound)) { none.append($0) }
        #expect(none.isEmpty)
    }
}
