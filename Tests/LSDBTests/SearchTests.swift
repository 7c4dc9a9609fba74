import Foundation
import HEALPix
import Testing
@testable import LSDB

/// Row tests of the searches on hand-picked points, including their boundaries.
@Suite struct SearchTests {
    func mask(_ search: any Search, _ points: [(Double, Double)]) -> [Bool] {
        let ra = points.map(\.0), dec = points.map(\.1)
        var out = [Bool](repeating: false, count: points.count)
        ra.withUnsafeBufferPointer { r in
            dec.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { search.contains(ra: r, dec: d, into: $0) }
            }
        }
        return out
    }

    @Test func coneIsInclusiveHaversine() {
        let cone = ConeSearch(ra: 10, dec: 0, radiusArcsec: 3600)
        #expect(mask(cone, [(10, 0), (11, 0), (11.0001, 0), (10, -0.9999), (9, 0.5)]) == [true, true, false, true, false])
        // Across RA 0.
        let wrap = ConeSearch(ra: 0.2, dec: 0, radiusArcsec: 3600)
        #expect(mask(wrap, [(359.5, 0), (358.9, 0)]) == [true, false])
    }

    @Test func coneValidation() {
        #expect(throws: LSDBError.self) { try ConeSearch(ra: 0, dec: 0, radiusArcsec: 0).validate() }
        #expect(throws: LSDBError.self) { try ConeSearch(ra: 0, dec: 91, radiusArcsec: 1).validate() }
        #expect(throws: LSDBError.self) { try ConeSearch(ra: .nan, dec: 0, radiusArcsec: 1).validate() }
        #expect(throws: Never.self) { try ConeSearch(ra: -35, dec: -55, radiusArcsec: 7200).validate() }
    }

    @Test func boxWrapsThroughZero() {
        let box = BoxSearch(ra: (350, 10), dec: (-5, 5))
        #expect(mask(box, [(355, 0), (5, 0), (10, 5), (-5, 0), (180, 0), (0, 6)]) == [true, true, true, true, false, false])
        let plain = BoxSearch(ra: (10, 20), dec: (0, 1))
        #expect(mask(plain, [(10, 0), (20, 1), (370, 0.5), (21, 0.5)]) == [true, true, true, false])  // 370 wraps to 10
        let everyRA = BoxSearch(ra: (30, 390), dec: (0, 1))
        #expect(mask(everyRA, [(200, 0.5), (0, 0.5)]) == [true, true])
        #expect(throws: LSDBError.self) { try BoxSearch(ra: (0, 1), dec: (2, 1)).validate() }
    }

    @Test func polygonEitherWinding() {
        let square: [(ra: Double, dec: Double)] = [(0, 0), (10, 0), (10, 10), (0, 10)]
        let points = [(5.0, 5.0), (11, 5), (5, 10.5), (0.5, 0.5)]
        #expect(mask(PolygonSearch(vertices: square), points) == [true, false, false, true])
        #expect(mask(PolygonSearch(vertices: square.reversed()), points) == [true, false, false, true])
        #expect(throws: LSDBError.self) { try PolygonSearch(vertices: [(0, 0), (1, 1)]).validate() }
        #expect(throws: LSDBError.self) {
            try PolygonSearch(vertices: [(0, 0), (10, 0), (2, 2), (0, 10)]).validate()  // concave
        }
    }

    @Test func orderSearchKeepsPartitionsByOrder() {
        let pixels = [HealpixPixel(order: 0, index: 1), HealpixPixel(order: 2, index: 5), HealpixPixel(order: 3, index: 9)]
        #expect(OrderSearch(minOrder: 1).selectPartitions(pixels, maxOrder: 3) == Array(pixels.dropFirst()))
        #expect(OrderSearch(minOrder: 0, maxOrder: 2).selectPartitions(pixels, maxOrder: 3) == Array(pixels.prefix(2)))
        #expect(throws: LSDBError.self) { try OrderSearch(minOrder: 3, maxOrder: 2).validate() }
    }

    @Test func pushdownRangesMergeAsLSDBDoes() throws {
        let gaia = try Catalog.open(Repo.path("Samples/gaia"))
        let few = MOC(pixels: [HealpixPixel(order: 3, index: 5), HealpixPixel(order: 3, index: 9)])
        let ranges = try #require(gaia.pushdownRanges(few))
        #expect(ranges.count == 2)
        #expect(ranges[0] == Int64(5) << 52 ..< Int64(6) << 52)
        let many = MOC(pixels: (0..<12).map { HealpixPixel(order: 3, index: UInt64($0 * 2)) })
        let merged = try #require(gaia.pushdownRanges(many))
        #expect(merged == [Int64(0)..<(Int64(23) << 52)])
        #expect(gaia.pushdownRanges(MOC.empty()) == nil)
    }
}
