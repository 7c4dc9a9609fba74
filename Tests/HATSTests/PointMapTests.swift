import Foundation
import HEALPix
import Testing
@testable import HATS

@Suite("Point maps (FITS)")
struct PointMapTests {
    static let mapped = ["gaia", "ztf/ztf", "rubin"]

    @Test("the samples' point_map.fits read as hats reads them", arguments: mapped)
    func samples(path: String) throws {
        let expected = try #require(try HATSFixture.catalog(path).point_map)
        let map = try PointMap(contentsOfFile: HATSFixture.sample(path) + "/point_map.fits")
        #expect(map.order == expected.order)
        #expect(map.total == expected.total)
        #expect(map.pixels.count == expected.nonzero_count)
        #expect(zip(map.pixels, map.counts).reduce(UInt64(0)) { $0 + $1.0 * UInt64($1.1) } == expected.index_weighted_sum)
        #expect(zip(map.pixels.prefix(10), map.counts.prefix(10)).map { [Int64($0), $1] } == expected.first_nonzero)
        #expect(zip(map.pixels.suffix(10), map.counts.suffix(10)).map { [Int64($0), $1] } == expected.last_nonzero)
        let skymap = try PointMap(contentsOfFile: HATSFixture.sample(path) + "/skymap.fits")
        #expect((skymap == map) == expected.skymap_equal)
        #expect(map.moc().description == (try HATSFixture.catalog(path)).moc)
        let first = try #require(expected.first_nonzero.first)
        #expect(map.count(at: UInt64(first[0])) == first[1])
    }

    @Test("the writer reproduces hats' files byte for byte", arguments: mapped)
    func writerMatchesSamples(path: String) throws {
        let file = HATSFixture.sample(path) + "/point_map.fits"
        let map = try PointMap(contentsOfFile: file)
        #expect(map.fitsData() == (try Data(contentsOf: URL(fileURLWithPath: file))))
    }

    @Test("int32 (TFORM J) maps, IMPLICIT and EXPLICIT", arguments: ["map_j_implicit", "map_j_explicit"])
    func int32Maps(name: String) throws {
        let expected = try #require(try HATSFixture.decode([String: [Int64]].self, "maps.json")[name])
        let bytes = try HATSFixture.data(name + ".fits")
        let map = try PointMap(fits: bytes)
        #expect(map.order == 1)
        #expect(map.denseCounts == expected)
        #expect(map.fitsData(valueType: .int32) == bytes)
        #expect(try PointMap(fits: map.fitsData()) == map)
    }

    @Test("RING maps in healpy's layouts are converted to NESTED", arguments: ["ring_order3", "ring_order4_1024K"])
    func ringMaps(name: String) throws {
        struct Expected: Decodable { let order: Int; let nested: [[Int64]] }
        let expected = try #require(try HATSFixture.decode([String: Expected].self, "ring.json")[name])
        let map = try PointMap(fits: try HATSFixture.data(name + ".fits"))
        #expect(map.order == expected.order)
        #expect(zip(map.pixels, map.counts).map { [Int64($0), $1] } == expected.nested)
    }

    @Test("RING to NESTED is a bijection; the first RING pixel is the north corner of base cell 0")
    func ringBijection() {
        for order in [0, 1, 2, 6] {
            let npix: UInt64 = 12 << UInt64(2 * order)
            let nested = Set((0..<npix).map { RingToNested.nested(order: order, ring: $0) })
            #expect(nested.count == Int(npix))
            #expect(nested.allSatisfy { $0 < npix })
        }
        #expect(RingToNested.nested(order: 29, ring: 0) == (1 << 58) - 1)
        #expect(RingToNested.nested(order: 29, ring: 5) == 288_230_376_151_711_741)
        #expect(RingToNested.nested(order: 29, ring: 100_000_000_000_000_000) == 242_594_001_014_122_654)
    }

    @Test("degrading sums the counts of sub-pixels")
    func degrade() throws {
        let map = try PointMap(contentsOfFile: HATSFixture.sample("gaia/point_map.fits"))
        let coarse = try map.degraded(toOrder: 0)
        #expect(coarse.order == 0)
        #expect(coarse.total == map.total)
        #expect(coarse.count(at: 4) == (4 << 10 ..< 5 << 10).reduce(Int64(0)) { $0 + map.count(at: UInt64($1)) })
        #expect(throws: HATSError.self) { try map.degraded(toOrder: 6) }
        let sparse = try PointMap(order: 1, sparse: [(pixel: 47, count: 2), (pixel: 3, count: 5), (pixel: 9, count: 0)])
        #expect(sparse.pixels == [3, 47])
        #expect(sparse.moc() == MOC(order: 1, indices: [3, 47]))
    }

    /// A copy of rubin's point map with `find` replaced by `replacement` (same length) in the table header.
    private func patched(_ find: String, _ replacement: String) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: HATSFixture.sample("rubin/point_map.fits")))
        let header = bytes[2880..<5760]
        let range = try #require(header.firstRange(of: Data(find.utf8)))
        bytes.replaceSubrange(range, with: Data(replacement.utf8))
        return bytes
    }

    @Test("corrupt and unsupported maps are refused with a message", arguments: [
        ("TFORM2  = 'K       '", "TFORM2  = 'D       '", "TFORM2 = 'D': expected an integer type"),
        ("TFORM2  = 'K       '", "TFORM2  = 'J       '", "the columns take 12 bytes but NAXIS1 = 16"),
        ("TFORM2  = 'K       '", "TFORM2  = 'P       '", "TFORM2 = 'P' is not a fixed-width FITS column type"),
        ("ORDERING= 'NESTED  '", "ORDERING= 'XYZ     '", "ORDERING = 'XYZ': expected NESTED or RING"),
        ("INDXSCHM= 'EXPLICIT'", "INDXSCHM= 'SPARSE  '", "INDXSCHM = 'SPARSE': expected IMPLICIT or EXPLICIT"),
        ("NSIDE   =                  256", "NSIDE   =                  255", "NSIDE = 255 is not a power of two"),
        ("XTENSION= 'BINTABLE'", "XTENSION= 'IMAGE   '", "HDU 1 is a 'IMAGE' extension: expected a BINTABLE"),
        ("NAXIS2  =                 1024", "NAXIS2  =    99999999999999999", "truncated: the table needs 16 × 99999999999999999 bytes"),
        ("NAXIS2  =                 1024", "NAXIS2  =                -1024", "is not a table"),
        ("NAXIS1  =                   16", "NAXIS1  =  9000000000000000000", "the columns take 16 bytes but NAXIS1 = 9000000000000000000"),
        ("TFORM1  = 'K       '", "TFORM1  = '9999999K'", "TFORM1 = '9999999K' is not a fixed-width FITS column type"),
        ("TFORM1  = 'K       '", "TFORM1  = '0K      '", "the columns take 8 bytes but NAXIS1 = 16"),
        ("NSIDE   =                  256", "NSIDE   =                    2", "pixel 2058 does not exist at order 1"),
    ])
    func corrupt(find: String, replacement: String, fragment: String) throws {
        let error = hatsError { _ = try PointMap(fits: try patched(find, replacement), path: "m.fits") }
        #expect(error?.path == "m.fits")
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }

    @Test("truncated files and non-FITS files")
    func truncated() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: HATSFixture.sample("rubin/point_map.fits")))
        let shortData = hatsError { _ = try PointMap(fits: bytes.prefix(10_000)) }
        #expect(shortData?.kind == .invalidFITS)
        #expect(shortData?.message.hasPrefix("truncated: the table needs 16 × 1024 bytes at offset 5760") == true)
        let shortHeader = hatsError { _ = try PointMap(fits: bytes.prefix(4000)) }
        #expect(shortHeader?.message == "HDU 1: the file ends before the END card of the header (truncated?)")
        let empty = hatsError { _ = try PointMap(fits: Data()) }
        #expect(empty?.message.contains("HDU 0") == true)
        let text = hatsError { _ = try PointMap(fits: Data(("hats.properties\n" + String(repeating: "x", count: 3000)).utf8)) }
        #expect(text?.message.contains("not a FITS header card") == true)
        let notSimple = hatsError { _ = try PointMap(fits: bytes.dropFirst(2880)) }
        #expect(notSimple?.message.contains("SIMPLE = T") == true)
        let missing = hatsError { _ = try PointMap(contentsOfFile: "/nonexistent/point_map.fits") }
        #expect(missing?.kind == .notFound)
    }
}
