import Foundation
import HATS
import HEALPix
import Testing

/// The README's HATS tour, run as written against the sample collection.
@Suite struct ReadmeExampleTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    @Test func hatsTourRuns() throws {
        let ztf = try CatalogMetadata(path: Self.samples + "/ztf", margin: .default)
        #expect(ztf.properties.catalogName == "ztf")
        #expect(ztf.properties.totalRows == 39_433)
        #expect(ztf.partitions.count == 21)
        let files = ztf.partitions.pixels.map { ztf.pixelPath($0) }
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let moc = ztf.coverage
        #expect(!moc.isEmpty)
        #expect(ztf.margin?.properties.marginThreshold == 10)
    }

    @Test func healpixTourRuns() {
        let ipix = Healpix.hash(order: 29, lon: 95.0, lat: -25.0)
        let pixel = HealpixPixel(order: 5, index: ipix >> 48)
        let center = Healpix.center(order: 5, index: pixel.index)
        let ring = Healpix.externalNeighbours(order: 5, index: pixel.index, deltaOrder: 3).all
        let cone = MOC.cone(lon: 95, lat: -25, radiusArcsec: 0.7 * 3600, maxOrder: 8)
        #expect(ipix == 1456147176606241811)
        #expect(Healpix.hash(order: 5, lon: center.lon, lat: center.lat) == pixel.index)
        #expect(ring.count == 4 * 8 + 4)
        #expect(cone.overlaps(order: pixel.order, index: pixel.index))
        let d = Healpix.angularSeparation(lon1: 95, lat1: -25, lon2: 95.0001, lat2: -25)
        #expect(abs(d - 0.0001 * cos(25 * Double.pi / 180)) < 1e-12)
    }
}
