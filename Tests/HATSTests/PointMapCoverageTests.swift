import Foundation
import HEALPix
import Testing
@testable import HATS

@Suite("Point map coverage read from files")
struct PointMapCoverageTests {
    /// An order-10 map of ~600 000 non-zero pixels in runs of 1 to 40 (so EXPLICIT, scanned in
    /// several chunks, with runs that cross chunk boundaries), from a fixed linear congruence.
    static func sparseMap() throws -> PointMap {
        var pixels: [(pixel: UInt64, count: Int64)] = []
        var state: UInt64 = 12345
        var pixel: UInt64 = 0
        let limit = Healpix.pixelCount(order: 10)
        while pixels.count < 600_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            pixel += 1 + (state >> 33) % 20
            let run = 1 + (state >> 45) % 40
            for p in pixel..<min(pixel + run, limit) { pixels.append((p, Int64(1 + p % 7))) }
            pixel += run
        }
        return try PointMap(order: 10, sparse: pixels)
    }

    static func write(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).fits").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a large EXPLICIT map's coverage equals its pixels' MOC, whole and within a region")
    func largeExplicitMap() throws {
        let map = try Self.sparseMap()
        let data = map.fitsData()
        #expect(String(decoding: data.prefix(5760), as: UTF8.self).contains("INDXSCHM= 'EXPLICIT'"))
        let path = try Self.write(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = map.moc()
        #expect(expected.ranges.count > 10_000)
        #expect(try PointMap.coverage(ofFile: path) == expected)
        let region = MOC(order: 3, indices: [5, 6, 7, 100, 101, 500])
        #expect(try PointMap.coverage(ofFile: path, within: region) == expected.intersection(region))
    }

    @Test("rows whose PIXEL does not increase are still read correctly")
    func unsortedExplicitMap() throws {
        let map = try Self.sparseMap()
        var data = map.fitsData()
        // Swap the PIXEL fields of two rows far apart (rows are 16 bytes after two 2880-byte headers).
        let start = 2 * 2880
        let a = start + 16 * 1000, b = start + 16 * 400_000
        let pa = data.subdata(in: a..<(a + 8)), pb = data.subdata(in: b..<(b + 8))
        data.replaceSubrange(a..<(a + 8), with: pb)
        data.replaceSubrange(b..<(b + 8), with: pa)
        let path = try Self.write(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try PointMap.coverage(ofFile: path) == map.moc())
    }
}
