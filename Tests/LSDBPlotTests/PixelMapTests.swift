import Foundation
import HEALPix
import LSDB
import Testing
@testable import LSDBPlot

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Pixel, density and coverage maps: rendered to files, then checked where the
/// cells must be (projected independently from the map's frame), in the SVG's
/// paths, and in the file formats.
@Suite struct PixelMapTests {
    /// The order colour of hats' discrete map: viridis over (order - min) / (max - min).
    static func orderColor(_ order: Int, min lo: Int, max hi: Int) -> PlotColor {
        Colormap.viridis.color(at: hi > lo ? Double(order - lo) / Double(hi - lo) : 0)
    }

    @Test func coveredCellsHaveTheirOrderColourAndTheRestIsBackground() throws {
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        var plot = try gaia.plotPixels()
        plot.showsGraticule = false
        let path = PlotSupport.temporaryFile("pixels.png")
        try plot.write(to: path)
        defer { unlink(path) }
        let image = try PNGImage(contentsOfFile: path)
        let orders = gaia.partitions.map(\.order)
        #expect(plot.title == "Catalog pixel map - gaia")
        #expect(plot.colorbar?.label == "HEALPix order" && plot.colorbar?.isDiscrete == true)
        for pixel in gaia.partitions {
            // The centre, or a point off the seam for a cell centred on it (the map's outline is drawn there).
            let c = [(0.5, 0.5), (0.5, 0.25)].lazy.map { Healpix.position(order: pixel.order, index: pixel.index, dx: $0.0, dy: $0.1) }
                .first { abs($0.lon - 180) > 5 }!
            let (x, y) = PlotSupport.mollweidePixel(ra: c.lon, dec: c.lat, frame: plot.plotFrame)
            let expected = Self.orderColor(pixel.order, min: orders.min()!, max: orders.max()!)
            let ok = image.matches(x: x, y: y, expected, tolerance: 2)
            #expect(ok, "\(pixel) at (\(x), \(y)): \(String(describing: image.pixel(x: x, y: y)))")
        }
        // Outside the ellipse: white figure background.
        let frame = plot.plotFrame
        #expect(image.matches(x: Int(frame.x * 2) + 6, y: Int(frame.y * 2) + 6, .white, tolerance: 0))
        #expect(image.matches(x: Int((frame.x + frame.width) * 2) - 6, y: Int((frame.y + frame.height) * 2) - 6, .white, tolerance: 0))
    }

    @Test func uncoveredSkyIsBackgroundAndFieldsAreCells() throws {
        let rubin = try Catalog.open(PlotSupport.sample("rubin"))
        var plot = try rubin.plotPixels()
        plot.showsGraticule = false
        let path = PlotSupport.temporaryFile("rubin.png")
        try plot.write(to: path)
        defer { unlink(path) }
        let image = try PNGImage(contentsOfFile: path)
        let orders = rubin.partitions.map(\.order)
        // The deepest cells are a few pixels wide: sample the coarse ones.
        for pixel in rubin.partitions where pixel.order <= 5 {
            let c = Healpix.center(order: pixel.order, index: pixel.index)
            let (x, y) = PlotSupport.mollweidePixel(ra: c.lon, dec: c.lat, frame: plot.plotFrame)
            #expect(image.matches(x: x, y: y, Self.orderColor(pixel.order, min: orders.min()!, max: orders.max()!), tolerance: 2), "\(pixel)")
        }
        for (ra, dec) in [(200.0, 40.0), (300.0, -10.0), (150.0, 60.0), (0.0, 0.0)] {
            let (x, y) = PlotSupport.mollweidePixel(ra: ra, dec: dec, frame: plot.plotFrame)
            #expect(image.matches(x: x, y: y, .white, tolerance: 0), "(\(ra), \(dec)) is not covered")
        }
    }

    @Test func svgHasOneFilledPathPerCell() throws {
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        let plot = try gaia.plotPixels()
        let path = PlotSupport.temporaryFile("pixels.svg")
        try plot.write(to: path)
        defer { unlink(path) }
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #if canImport(FoundationXML) || canImport(Darwin)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "the SVG is well-formed XML")
        #endif
        let fills = PlotSupport.svgPathFills(svg)
        let orders = gaia.partitions.map(\.order)
        for order in Set(orders) {
            let color = Self.orderColor(order, min: orders.min()!, max: orders.max()!)
            // One path per cell (a cell cut by the seam is one path of two pieces),
            // plus the colour bar's block for that order.
            #expect(fills.filter { PlotSupport.same($0, color) }.count == orders.filter { $0 == order }.count + 1, "order \(order)")
        }
    }

    @Test func densityMapColoursCountsPerSquareDegree() throws {
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        var plot = try gaia.plotDensity(order: 3)
        plot.showsGraticule = false
        #expect(plot.title == "Angular density of catalog gaia")
        let bar = try #require(plot.colorbar)
        #expect(bar.label == "count / deg2" && !bar.isDiscrete)
        #expect(bar.minimum > 0, "every order-3 cell of the Gaia sample has rows, so the bar starts at the sparsest")
        guard case .cells(let layer) = plot.layers[0] else { Issue.record("no cell layer"); return }
        #expect(layer.cells.allSatisfy { $0.order == 3 })
        let path = PlotSupport.temporaryFile("density.png")
        try plot.write(to: path)
        defer { unlink(path) }
        let image = try PNGImage(contentsOfFile: path)
        // The densest cell has the top colour, and the total over cells is the row count.
        let densest = layer.cells[layer.colors.firstIndex(of: bar.color(for: bar.maximum))!]
        let c = Healpix.center(order: 3, index: densest.index)
        let (x, y) = PlotSupport.mollweidePixel(ra: c.lon, dec: c.lat, frame: plot.plotFrame)
        #expect(image.matches(x: x, y: y, Colormap.viridis.color(at: 1), tolerance: 2))
        let topCount = bar.maximum * Healpix.pixelAreaDegrees(order: 3)
        #expect(abs(topCount - topCount.rounded()) < 1e-9 * topCount, "the top of the bar is a whole count over the cell area")
        // Empty sky takes the bottom colour (cells with no rows).
        let empty = try Catalog.open(PlotSupport.sample("rubin")).plotDensity()
        #expect(empty.colorbar?.minimum == 0)
        let emptyPath = PlotSupport.temporaryFile("rubin-density.png")
        var blank = empty
        blank.showsGraticule = false
        try blank.write(to: emptyPath)
        defer { unlink(emptyPath) }
        let rubin = try PNGImage(contentsOfFile: emptyPath)
        let (ex, ey) = PlotSupport.mollweidePixel(ra: 200, dec: 40, frame: blank.plotFrame)
        #expect(rubin.matches(x: ex, y: ey, Colormap.viridis.color(at: 0), tolerance: 2))
    }

    @Test func logarithmicDensityScale() throws {
        let plot = try Catalog.open(PlotSupport.sample("gaia")).plotDensity(logarithmic: true)
        let bar = try #require(plot.colorbar)
        #expect(bar.isLogarithmic && bar.minimum > 0 && bar.maximum > 100 * bar.minimum)
        #expect(abs(bar.position(of: (bar.minimum * bar.maximum).squareRoot()) - 0.5) < 1e-12)
        #expect(bar.color(for: bar.minimum) == Colormap.viridis.color(at: 0))
        #expect(bar.color(for: bar.maximum) == Colormap.viridis.color(at: 1))
        #expect(abs(bar.position(of: 10 * bar.minimum) - 1 / log10(bar.maximum / bar.minimum)) < 1e-12)
    }

    @Test func coverageFillsTheMOC() throws {
        var plot = try Catalog.open(PlotSupport.sample("rubin")).plotCoverage()
        plot.showsGraticule = false
        #expect(plot.title == "Coverage of rubin")
        let path = PlotSupport.temporaryFile("coverage.png")
        try plot.write(to: path)
        defer { unlink(path) }
        let image = try PNGImage(contentsOfFile: path)
        let (x, y) = PlotSupport.mollweidePixel(ra: 95, dec: -25, frame: plot.plotFrame)
        let p = try #require(image.pixel(x: x, y: y))
        #expect(p.b > p.r + 60, "the centre of the Rubin_SV_95_-25 field is covered (blue): \(p)")
        let (ox, oy) = PlotSupport.mollweidePixel(ra: 200, dec: 40, frame: plot.plotFrame)
        #expect(image.matches(x: ox, y: oy, .white, tolerance: 0))
    }

    @Test func formatsFollowTheExtension() throws {
        let plot = try Catalog.open(PlotSupport.sample("gaia")).plotPixels()
        let pdf = PlotSupport.temporaryFile("map.PDF"), svg = PlotSupport.temporaryFile("map.svg")
        try plot.write(to: pdf)
        try plot.write(to: svg)
        defer { unlink(pdf); unlink(svg) }
        let pdfBytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pdfBytes.starts(with: Data("%PDF-".utf8)))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<?xml"))
        #expect(throws: PlotError.unsupportedFormat("map.jpg")) { try plot.write(to: "map.jpg") }
        let directory = (pdf as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.contains((pdf as NSString).lastPathComponent + ".tmp") }
        #expect(leftovers.isEmpty, "no temporary files are left behind")
    }
}
