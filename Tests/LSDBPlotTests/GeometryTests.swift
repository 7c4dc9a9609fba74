import Foundation
import HEALPix
import LSDB
import Testing
@testable import LSDBPlot

/// Spherical geometry on the figure: the projections' orientation, cells cut at the
/// seam, cones drawn as small circles, and the zoomed field with its scatter.
@Suite struct GeometryTests {
    static func render(_ plot: SkyPlot, _ name: String) throws -> PNGImage {
        let path = PlotSupport.temporaryFile(name)
        try plot.write(to: path)
        defer { unlink(path) }
        return try PNGImage(contentsOfFile: path)
    }

    static func blank(_ projection: SkyProjection = .fullSky) -> SkyPlot {
        var plot = SkyPlot(projection: projection)
        plot.showsGraticule = false
        plot.showsLegend = false
        return plot
    }

    @Test func raIncreasesToTheLeft() throws {
        let m = SkyProjection.fullSky
        #expect(m.project(ra: 0, dec: 0) == PlanePoint(x: 0, y: 0))
        #expect(try #require(m.project(ra: 90, dec: 0)).x < 0)
        #expect(try #require(m.project(ra: 270, dec: 0)).x > 0)
        #expect(abs(try #require(m.project(ra: 179.999, dec: 0)).x + 2 * 2.0.squareRoot()) < 1e-3)
        #expect(abs(try #require(m.project(ra: 180.001, dec: 0)).x - 2 * 2.0.squareRoot()) < 1e-3)
        #expect(abs(try #require(m.project(ra: 33, dec: 90)).y - 2.0.squareRoot()) < 1e-12)
        let g = SkyProjection.gnomonic(ra: 95, dec: -25, fov: 2)
        #expect(try #require(g.project(ra: 95.5, dec: -25)).x < 0)
        #expect(try #require(g.project(ra: 95, dec: -24.5)).y > 0)
        #expect(g.project(ra: 275, dec: 25) == nil, "the antipode is not shown")
        let centred = SkyProjection.mollweide(centerRA: 180)
        #expect(try #require(centred.project(ra: 180, dec: 0)).x == 0)
    }

    @Test func cellOnTheSeamIsSplitNotStreaked() throws {
        // Base cell 6 is centred on (180, 0): the seam of a map centred on RA 0 cuts it in two.
        let cell = HealpixPixel(order: 0, index: 6)
        #expect(SkyProjection.fullSky.fillPolygons(SkyGeometry.cellRing(cell)).count == 2)
        #expect(SkyProjection.mollweide(centerRA: 180).fillPolygons(SkyGeometry.cellRing(cell)).count == 1)
        for index: UInt64 in [1, 2, 5, 7, 9, 10] {  // edges or corners on RA 180, or away from it
            #expect(SkyProjection.fullSky.fillPolygons(SkyGeometry.cellRing(HealpixPixel(order: 0, index: index))).count == 1, "\(index)")
        }
        let plot = Self.blank().adding(.cells(CellLayer(cells: [cell], colors: [.red])))
        let image = try Self.render(plot, "seam.png")
        for (ra, dec) in [(170.0, 0.0), (190.0, 0.0), (175.0, 30.0), (185.0, -30.0), (160.0, 5.0)] {
            let (x, y) = PlotSupport.mollweidePixel(ra: ra, dec: dec, frame: plot.plotFrame)
            #expect(image.matches(x: x, y: y, .red, tolerance: 2), "(\(ra), \(dec)) is in the cell")
        }
        // Nothing between the two pieces: the equator row is white from RA 130 to RA 230 through RA 0.
        let (left, row) = PlotSupport.mollweidePixel(ra: 130, dec: 0, frame: plot.plotFrame)
        let (right, _) = PlotSupport.mollweidePixel(ra: 230, dec: 0, frame: plot.plotFrame)
        let reds = (left + 2..<right - 2).filter { image.matches(x: $0, y: row, .red, tolerance: 60) }
        #expect(reds.isEmpty, "no streak across the map: \(reds.prefix(5))")
        // The same cell whole on a map centred on RA 180.
        let centred = Self.blank(.mollweide(centerRA: 180)).adding(.cells(CellLayer(cells: [cell], colors: [.red])))
        let whole = try Self.render(centred, "seam180.png")
        let (cx, cy) = PlotSupport.mollweidePixel(ra: 180, dec: 0, centerRA: 180, frame: centred.plotFrame)
        #expect(whole.matches(x: cx, y: cy, .red, tolerance: 2))
    }

    @Test func polarCellsKeepTheirShape() throws {
        // Cells with a vertex on a pole, and one straddling the seam at high latitude.
        let cells = [HealpixPixel(order: 0, index: 0), HealpixPixel(order: 0, index: 9), HealpixPixel(order: 1, index: 10)]
        let plot = Self.blank().adding(.cells(CellLayer(cells: cells, colors: [.red, .blue, .green])))
        let image = try Self.render(plot, "polar.png")
        for (cell, color) in zip(cells, [PlotColor.red, .blue, .green]) {
            for (dx, dy) in [(0.5, 0.5), (0.3, 0.6), (0.7, 0.4)] {
                let p = Healpix.position(order: cell.order, index: cell.index, dx: dx, dy: dy)
                let (x, y) = PlotSupport.mollweidePixel(ra: p.lon, dec: p.lat, frame: plot.plotFrame)
                #expect(image.matches(x: x, y: y, color, tolerance: 2), "\(cell) at \(p)")
            }
        }
        // Between base cells 0 and 1 near the north pole lies base cell 1's sky, not drawn.
        let (x, y) = PlotSupport.mollweidePixel(ra: 135, dec: 60, frame: plot.plotFrame)
        #expect(image.matches(x: x, y: y, .white, tolerance: 0))
    }

    @Test func coneOverlayPassesThroughItsSmallCircle() throws {
        let cones = [(95.0, -25.0, 10.0), (180.0, 20.0, 8.0), (6.02, -72.08, 6.0)]
        var plot = Self.blank()
        for (ra, dec, r) in cones {
            plot = plot.overlay(ConeSearch(ra: ra, dec: dec, radiusArcsec: r * 3600), color: .red, lineWidth: 3)
        }
        let image = try Self.render(plot, "cone.png")
        for (ra, dec, r) in cones {
            for bearing in stride(from: 0.0, to: 360, by: 30) {
                let p = PlotSupport.onCircle(ra: ra, dec: dec, radius: r, bearing: bearing)
                let (x, y) = PlotSupport.mollweidePixel(ra: p.ra, dec: p.dec, frame: plot.plotFrame)
                #expect(PlotSupport.near(image, x: x, y: y, .red), "cone (\(ra), \(dec)) at bearing \(bearing)")
                for inside in [r * 0.6, r * 1.5] {
                    let q = PlotSupport.onCircle(ra: ra, dec: dec, radius: inside, bearing: bearing)
                    let (qx, qy) = PlotSupport.mollweidePixel(ra: q.ra, dec: q.dec, frame: plot.plotFrame)
                    #expect(!PlotSupport.near(image, x: qx, y: qy, radius: 0, .red, tolerance: 60),
                            "the circle of (\(ra), \(dec)) does not pass \(inside)° from the centre")
                }
            }
        }
        // The cone on the seam is drawn on both edges and not across the map.
        let (x0, y0) = PlotSupport.mollweidePixel(ra: 0, dec: 20, frame: plot.plotFrame)
        #expect(!PlotSupport.near(image, x: x0, y: y0, radius: 3, .red, tolerance: 60))
    }

    @Test func boxAndPolygonEdgesFollowMeridiansParallelsAndGreatCircles() throws {
        let plot = Self.blank()
            .overlay(BoxSearch(ra: (350, 20), dec: (-10, 30)), color: .red, lineWidth: 3)
            .overlay(PolygonSearch(vertices: [(ra: 90, dec: 20), (ra: 170, dec: 20), (ra: 130, dec: 60)]), color: .blue, lineWidth: 3)
        let image = try Self.render(plot, "box.png")
        // Parallels of the box at Dec -10 and 30, meridians at RA 350 and 20.
        for (ra, dec) in [(5.0, -10.0), (5.0, 30.0), (355.0, 30.0), (350.0, 10.0), (20.0, 10.0), (20.0, -5.0)] {
            let (x, y) = PlotSupport.mollweidePixel(ra: ra, dec: dec, frame: plot.plotFrame)
            #expect(PlotSupport.near(image, x: x, y: y, .red), "box edge at (\(ra), \(dec))")
        }
        // The polygon's base is a great circle: at RA 130 it bulges north of Dec 20, to 25.4.
        let mid = SkyGeometry.greatArc(from: SkyPoint(ra: 90, dec: 20), to: SkyPoint(ra: 170, dec: 20), maxStep: 40)[1]
        #expect(abs(mid.ra - 130) < 1e-9 && abs(mid.dec - atan(tan(20 * Double.pi / 180) / cos(40 * Double.pi / 180)) * 180 / .pi) < 1e-9)
        let (mx, my) = PlotSupport.mollweidePixel(ra: mid.ra, dec: mid.dec, frame: plot.plotFrame)
        #expect(PlotSupport.near(image, x: mx, y: my, .blue))
        let (px, py) = PlotSupport.mollweidePixel(ra: 130, dec: 20, frame: plot.plotFrame)
        #expect(!PlotSupport.near(image, x: px, y: py, radius: 1, .blue, tolerance: 60), "not the straight parallel")
    }

    @Test func fullRABoxIsTwoParallels() throws {
        let plot = Self.blank().overlay(BoxSearch(ra: (0, 0), dec: (-20, 40)), color: .red, lineWidth: 3)
        let image = try Self.render(plot, "band.png")
        for ra in stride(from: 0.0, to: 360, by: 45) where ra != 180 {
            for dec in [-20.0, 40.0] {
                let (x, y) = PlotSupport.mollweidePixel(ra: ra, dec: dec, frame: plot.plotFrame)
                #expect(PlotSupport.near(image, x: x, y: y, .red), "(\(ra), \(dec))")
            }
            let (x, y) = PlotSupport.mollweidePixel(ra: ra, dec: 10, frame: plot.plotFrame)
            #expect(!PlotSupport.near(image, x: x, y: y, radius: 1, .red, tolerance: 60), "no meridian edge at RA \(ra)")
        }
    }

    @Test func zoomedFieldPlacesStarsAndTheCircle() throws {
        let (ra0, dec0, fov) = (95.0, -25.0, 2.0)
        let stars = [(95.3, -24.8), (94.6, -25.4), (95.0, -25.0), (95.4, -25.45)]
        let plot = Self.blank(.gnomonic(ra: ra0, dec: dec0, fov: fov))
            .scatter(ra: stars.map(\.0), dec: stars.map(\.1), color: .black, markerSize: 6)
            .overlay(ConeSearch(ra: ra0, dec: dec0, radiusArcsec: 0.7 * 3600), color: .orange, lineWidth: 3)
        let image = try Self.render(plot, "field.png")
        let frame = plot.plotFrame
        for (ra, dec) in stars {
            let (x, y) = PlotSupport.gnomonicPixel(ra: ra, dec: dec, ra0: ra0, dec0: dec0, fov: fov, frame: frame)
            #expect(image.matches(x: x, y: y, .black, tolerance: 2), "star (\(ra), \(dec))")
        }
        let east = PlotSupport.gnomonicPixel(ra: 95.3, dec: -24.8, ra0: ra0, dec0: dec0, fov: fov, frame: frame)
        #expect(east.x < Int(frame.center.x * 2), "larger RA is to the left")
        for bearing in stride(from: 15.0, to: 360, by: 30) {
            let p = PlotSupport.onCircle(ra: ra0, dec: dec0, radius: 0.7, bearing: bearing)
            let (x, y) = PlotSupport.gnomonicPixel(ra: p.ra, dec: p.dec, ra0: ra0, dec0: dec0, fov: fov, frame: frame)
            #expect(PlotSupport.near(image, x: x, y: y, .orange), "0.7° circle at bearing \(bearing)")
        }
        // A plate carrée view puts RA offsets straight on the x axis.
        let plate = Self.blank(.plateCarree(ra: ra0, dec: dec0, fov: fov))
            .scatter(ra: [95.5], dec: [-25.5], color: .black, markerSize: 6)
        let plateImage = try Self.render(plate, "plate.png")
        let f = plate.plotFrame
        let x = Int((f.center.x - 0.5 / fov * f.width) * 2), y = Int((f.center.y + 0.5 / fov * f.height) * 2)
        #expect(plateImage.matches(x: x, y: y, .black, tolerance: 2))
    }

    @Test func zoomedPixelMapFillsTheFieldWithTheCoveringCell() throws {
        let gaia = try Catalog.open(PlotSupport.sample("gaia"))
        let orders = gaia.partitions.map(\.order)
        let covering = try #require(gaia.partitions.first { HealpixPixel(order: $0.order, lon: 95, lat: -25) == $0 })
        let expected = Colormap.viridis.color(at: Double(covering.order - orders.min()!) / Double(orders.max()! - orders.min()!))
        for fov in [2.0, 0.01] {
            var plot = try gaia.plotPixels(projection: .gnomonic(ra: 95, dec: -25, fov: fov))
            plot.showsGraticule = false
            let image = try Self.render(plot, "zoom.png")
            let f = plot.plotFrame
            for (u, v) in [(0.5, 0.5), (0.05, 0.05), (0.95, 0.05), (0.05, 0.95), (0.95, 0.95), (0.3, 0.7)] {
                let x = Int((f.x + u * f.width) * 2), y = Int((f.y + v * f.height) * 2)
                let ok = image.matches(x: x, y: y, expected, tolerance: 2)
                #expect(ok, "fov \(fov): (\(u), \(v)) is inside \(covering): \(String(describing: image.pixel(x: x, y: y)))")
            }
        }
    }

    @Test func searchesWithoutAnOutlineAreRefused() throws {
        #expect(throws: PlotError.self) { try SkyPlot().overlay(search: OrderSearch(minOrder: 0, maxOrder: 3)) }
        let plot = try SkyPlot().overlay(search: ConeSearch(ra: 1, dec: 2, radiusArcsec: 3600), label: "c")
        #expect(plot.legendEntries.map(\.label) == ["c"])
    }
}
