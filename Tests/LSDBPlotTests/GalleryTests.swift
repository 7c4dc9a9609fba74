import Foundation
import LSDB
import Testing
@testable import LSDBPlot

/// Renders the walkthrough's figures from the sample catalogs to `/tmp/lsdb-plots/`
/// (for looking at) and checks that each file is a readable image of the expected size.
@Suite struct GalleryTests {
    static let directory = NSTemporaryDirectory() + "lsdb-plots/"

    init() throws {
        try FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
    }

    @Test func pixelMapWithTheSixFields() throws {
        var plot = try Catalog.open(PlotSupport.sample("gaia")).plotPixels()
        for f in PlotSupport.fields {
            plot = plot.overlay(ConeSearch(ra: f.ra, dec: f.dec, radiusArcsec: 2 * 3600),
                                color: f.color, style: f.style, lineWidth: 3, label: f.name)
        }
        for ext in ["png", "svg", "pdf"] { try plot.write(to: Self.directory + "gaia-pixels." + ext) }
        let image = try PNGImage(contentsOfFile: Self.directory + "gaia-pixels.png")
        #expect(image.width == 2000 && image.height == 1120)
    }

    @Test func densityAndCoverage() throws {
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        try gaia.plotDensity().write(to: Self.directory + "gaia-density.png")
        try gaia.plotDensity(order: 3).write(to: Self.directory + "gaia-density-order3.png")
        try gaia.plotDensity(logarithmic: true).write(to: Self.directory + "gaia-density-log.png")
        let rubin = try Catalog.open(PlotSupport.sample("rubin"))
        try rubin.plotCoverage().write(to: Self.directory + "rubin-coverage.png")
        try rubin.plotPixels().write(to: Self.directory + "rubin-pixels.png")
        #expect(try PNGImage(contentsOfFile: Self.directory + "rubin-coverage.png").width == 2000)
    }

    @Test func zoomedScatterAroundTheField() async throws {
        let cone = ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600)
        let stars = try await Catalog.open(PlotSupport.sample("gaia"), search: cone).compute()
        let plot = try SkyPlot.field(ra: 95, dec: -25, fov: 2, title: "Rubin_SV_95_-25")
            .scatter(stars, color: .black, markerSize: 4, label: "Gaia stars in the cone")
            .overlay(cone, color: .orange, lineWidth: 3, label: "0.7° around center of Rubin SV_95_-25")
        try plot.write(to: Self.directory + "gaia-field-95-25.png")
        var plate = plot
        plate.projection = .plateCarree(ra: 95, dec: -25, fov: 2)
        try plate.write(to: Self.directory + "gaia-field-95-25-plate.png")
        try Catalog.open(PlotSupport.sample("gaia")).plotPixels(projection: .gnomonic(ra: 266, dec: -29, fov: 50))
            .overlay(ConeSearch(ra: 266.4, dec: -29, radiusArcsec: 5 * 3600), color: .red, style: .dashed, label: "5° cone")
            .write(to: Self.directory + "gaia-pixels-zoom.png")
        #expect(try PNGImage(contentsOfFile: Self.directory + "gaia-field-95-25.png").height == 1400)
    }

    @Test func otherRegionsAndCentres() throws {
        let plot = SkyPlot(projection: .mollweide(centerRA: 180), title: "Regions centred on RA 180")
            .overlay(BoxSearch(ra: (350, 20), dec: (-10, 30)), color: .red, label: "box through RA 0")
            .overlay(PolygonSearch(vertices: [(ra: 150, dec: 10), (ra: 210, dec: 10), (ra: 180, dec: 60)]),
                     color: .blue, style: .dashed, label: "polygon")
            .overlay(ConeSearch(ra: 0, dec: 80, radiusArcsec: 20 * 3600), color: .green, style: .dashDot, label: "cone on the seam")
            .overlay(ConeSearch(ra: 100, dec: -85, radiusArcsec: 15 * 3600), color: .orange, label: "cone around the pole")
        try plot.write(to: Self.directory + "regions-ra180.png")
        #expect(FileManager.default.fileExists(atPath: Self.directory + "regions-ra180.png"))
    }
}
