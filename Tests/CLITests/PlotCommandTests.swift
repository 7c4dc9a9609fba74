import Foundation
import Testing

/// End-to-end tests of `lsdb plot` on the sample catalogs.
@Suite struct PlotCommandTests {
    static func sample(_ name: String) -> String { CatalogCommandTests.sample(name) }

    /// A PNG's size from its IHDR chunk.
    static func pngSize(_ path: String) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature")
        let be = { (offset: Int) in data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    static let sixFields = [
        "53.13,-28.10,7200,ECDFS", "59.10,-48.73,7200,EDFS", "37.86,6.98,7200,Rubin_SV_38_7",
        "95,-25,7200,Rubin_SV_95_-25", "6.02,-72.08,7200,47_Tuc", "40,-34.45,7200,Fornax_dSph",
    ]

    @Test func pixelsWithTheSixFieldsToPNGAndSVG() throws {
        let png = CatalogCommandTests.temporaryFile("pixels.png"), svg = CatalogCommandTests.temporaryFile("pixels.svg")
        defer { unlink(png); unlink(svg) }
        let cones = Self.sixFields.flatMap { ["--cone", $0] }
        let result = try CLIRunner.run(["plot", "pixels", Self.sample("gaia"), "--output", png] + cones)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let size = try Self.pngSize(png)
        #expect(size.width == 2000 && size.height == 1120)
        let small = try CLIRunner.run(["plot", "pixels", Self.sample("gaia"), "--output", svg, "--scale", "1",
                                       "--title", "Gaia and the DP1 fields"] + cones)
        #expect(small.status == 0, "\(small.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        // Three red and three orange cones (plus one legend sample each), in solid, dashed and dotted.
        let strokes = text.components(separatedBy: "<path").dropFirst().map { $0.prefix { $0 != ">" } }
        let red = strokes.filter { $0.contains("stroke:rgb(100%,0%,0%)") }
        let orange = strokes.filter { $0.contains("stroke:rgb(100%,64.705882%,0%)") }
        #expect(red.count == 6 && orange.count == 6)
        #expect(red.filter { $0.contains("stroke-dasharray") }.count == 4, "dashed and dotted, map and legend")
    }

    @Test func densityCoverageAndFormats() throws {
        let svg = CatalogCommandTests.temporaryFile("density.svg"), pdf = CatalogCommandTests.temporaryFile("coverage.pdf")
        defer { unlink(svg); unlink(pdf) }
        let density = try CLIRunner.run(["plot", "density", Self.sample("ztf"), "--order", "2", "--log", "--output", svg])
        #expect(density.status == 0, "\(density.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<?xml"))
        let coverage = try CLIRunner.run(["plot", "coverage", Self.sample("rubin"), "--center", "-90,0",
                                          "--cone", "-35,-55,7200", "--output", pdf])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Data("%PDF-".utf8)))
    }

    @Test func pointsAroundTheFieldFromCSVAndParquet() throws {
        let csv = CatalogCommandTests.temporaryFile("stars.csv"), parquet = CatalogCommandTests.temporaryFile("stars.parquet")
        let png = CatalogCommandTests.temporaryFile("field.png")
        defer { unlink(csv); unlink(parquet); unlink(png) }
        for out in [csv, parquet] {
            let select = try CLIRunner.run(["select", Self.sample("gaia"), "--cone", "95,-25,2520", "--output", out])
            #expect(select.status == 0, "\(select.stderr)")
            let plot = try CLIRunner.run(["plot", "points", out, "--ra-column", "ra", "--dec-column", "dec",
                                          "--center", "95,-25", "--fov", "2", "--cone", "95,-25,2520,0.7° field",
                                          "--label", "Gaia stars", "--output", png])
            #expect(plot.status == 0, "\(plot.stderr)")
            let size = try Self.pngSize(png)
            #expect(size.width == 1520 && size.height == 1400)
        }
    }

    @Test func badArgumentsAreUsageErrorsAndBadDataIsAnError() throws {
        let png = CatalogCommandTests.temporaryFile("bad.png")
        defer { unlink(png) }
        for arguments in [
            ["plot", "pixels", Self.sample("gaia"), "--output", "map.jpg"],
            ["plot", "pixels", Self.sample("gaia"), "--output", png, "--cone", "1,2"],
            ["plot", "pixels", Self.sample("gaia"), "--output", png, "--fov", "2"],
            ["plot", "points", "stars.txt", "--output", png],
        ] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let missing = try CLIRunner.run(["plot", "pixels", Self.sample("nope"), "--output", png])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: "), "\(missing.stderr)")
        let csv = CatalogCommandTests.temporaryFile("points.csv")
        defer { unlink(csv) }
        try "x,y\n1,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let column = try CLIRunner.run(["plot", "points", csv, "--output", png])
        #expect(column.status == 1 && column.stderr.hasPrefix("error: ") && column.stderr.contains("no column 'ra'") && !column.stderr.contains("CommandFailure"),
                "\(column.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png), "nothing is written on failure")
    }
}
