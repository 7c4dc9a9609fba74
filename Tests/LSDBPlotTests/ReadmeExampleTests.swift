import Foundation
import LSDB
import Testing
@testable import LSDBPlot

/// The README's plotting tour, run as written (paths made absolute and temporary).
@Suite struct ReadmeExampleTests {
    @Test func plotTour() async throws {
        let ztf = try Catalog.open(PlotSupport.sample("ztf"))
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        let stars = try await gaia.crossmatch(ztf).search(ConeSearch(ra: 95, dec: -25, radiusArcsec: 2520)).compute()
        var map = try ztf.plotPixels()
        map = map.overlay(ConeSearch(ra: 95, dec: -25, radiusArcsec: 7200), color: .orange, style: .solid, label: "Rubin_SV_95_-25")
        let outputs = ["ztf.png", "density.svg", "field.png"].map { PlotSupport.temporaryFile($0) }
        try map.write(to: outputs[0])
        try gaia.plotDensity(order: 3, logarithmic: true).write(to: outputs[1])
        try SkyPlot.field(ra: 95, dec: -25, fov: 2, title: "Rubin_SV_95_-25")
            .scatter(stars, raColumn: "ra_gaia", decColumn: "dec_gaia")
            .overlay(ConeSearch(ra: 95, dec: -25, radiusArcsec: 2520), color: .orange, label: "0.7°")
            .write(to: outputs[2])
        for path in outputs {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(path)")
        }
        #expect(stars.rowCount == 457)
    }
}
