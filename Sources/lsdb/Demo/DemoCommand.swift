import ArgumentParser
import Columnar
import Foundation
import LSDB
import LSDBPlot

/// `lsdb demo`: the seed notebook's walkthrough on the sample catalogs.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the seed notebook's walkthrough on the sample catalogs in the repository.",
        discussion: """
            Opens the Gaia-like and ZTF-like samples lazily, cone searches the Rubin_SV_95_-25 \
            field, plots both catalogs' partitions with the six Rubin DP1 fields, crossmatches \
            Gaia with ZTF over the whole sky with the margin cache, keeps the seed's FGK dwarfs, \
            plots them around the field, crossmatches them (as an in-memory table) with the \
            Rubin-like sample, and exports that match as a HATS catalog, which it reads back. \
            Each step is timed; the figures and the catalog go to --output-dir.
            """)

    @Option(help: "The directory holding the sample catalogs.")
    var samples = "Samples"

    @Option(name: .customLong("output-dir"), help: "Where the figures and the exported catalog are written.")
    var outputDirectory = "demo-output"

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        do {
            try await walkthrough()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
    }

    func walkthrough() async throws {
        let clock = StepClock()
        let options = global.executionOptions(label: "compute")
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let field = ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600)

        clock.step("1. Open the Gaia-like and ZTF-like catalogs lazily")
        let gaia = try Catalog.open("\(samples)/gaia")
        let ztf = try Catalog.open("\(samples)/ztf")
        print(gaia.description, "\n")
        print(ztf.description)
        clock.done()

        clock.step("2. Cone search the Rubin_SV_95_-25 field (RA 95, Dec -25, 0.7 deg) and compute")
        let gaiaField = try gaia.search(field)
        let ztfField = try ztf.search(field)
        print("gaia: \(gaiaField.partitions.count) of \(gaia.partitions.count) partitions read; "
              + "ztf: \(ztfField.partitions.count) of \(ztf.partitions.count), margin \(ztfField.margin?.partitions.count ?? 0)")
        let gaiaStars = try await gaiaField.compute(options: options)
        let ztfStars = try await ztfField.compute(options: options)
        print("gaia stars in the field: \(gaiaStars.rowCount); ztf objects: \(ztfStars.rowCount)\n")
        print(gaiaStars.description)
        clock.done()

        clock.step("3. Plot both catalogs' partitions with the six Rubin DP1 fields (2 deg cones)")
        for catalog in [gaia, ztf] {
            var plot = try catalog.plotPixels()
            for f in Self.dp1Fields {
                plot = plot.overlay(ConeSearch(ra: f.ra, dec: f.dec, radiusArcsec: 2 * 3600),
                                    color: f.color, style: f.style, label: f.name)
            }
            let path = "\(outputDirectory)/pixels-\(catalog.name).png"
            try plot.write(to: path)
            print("wrote \(path)")
        }
        clock.done()

        clock.step("4. Crossmatch Gaia x ZTF over the whole sky (1\", ZTF's 10\" margin), keep the FGK dwarfs")
        let matched = try gaia.crossmatch(ztf, radiusArcsec: 1)
        let seedQuery = "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5"
            + " and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72"
        print("\(matched.partitions.count) aligned partitions\nquery: \(seedQuery)")
        let pairs = try await matched.compute(options: options)
        let fgk = try await matched.query(seedQuery).compute(options: options)
        print("matches: \(pairs.rowCount); FGK dwarfs among them: \(fgk.rowCount)\n")
        print(try fgk.selecting(["_healpix_29", "source_id_gaia", "objectid_ztf", "teff_gaia", "_dist_arcsec"]).description)
        clock.done()

        clock.step("5. Plot the matched FGK dwarfs around Rubin_SV_95_-25 with the 0.7 deg circle")
        let fieldStars = try Catalog(fgk, raColumn: "ra_gaia", decColumn: "dec_gaia", marginThreshold: nil).search(field)
        let inField = try await fieldStars.compute(options: options)
        let zoom = try SkyPlot.field(ra: 95, dec: -25, fov: 2, title: "Crossmatched FGK dwarfs around Rubin_SV_95_-25")
            .scatter(inField, raColumn: "ra_gaia", decColumn: "dec_gaia", markerSize: 5, label: "Gaia x ZTF FGK dwarfs (\(inField.rowCount))")
            .overlay(field, color: .orange, label: "0.7° around Rubin_SV_95_-25")
        let zoomPath = "\(outputDirectory)/field-Rubin_SV_95_-25.png"
        try zoom.write(to: zoomPath)
        print("\(inField.rowCount) dwarfs in the field; wrote \(zoomPath)")
        clock.done()

        clock.step("6. Crossmatch the FGK dwarfs, as an in-memory table, with the Rubin-like catalog (1\")")
        let rubin = try Catalog.open("\(samples)/rubin")
        let withRubin = try Catalog(fgk, raColumn: "ra_gaia", decColumn: "dec_gaia").crossmatch(rubin, radiusArcsec: 1)
        for warning in withRubin.warnings where !global.quiet { print("warning: \(warning)") }
        let rubinMatches = try await withRubin.compute(options: options)
        print("FGK dwarfs seen by Rubin: \(rubinMatches.rowCount)\n")
        print(try rubinMatches.selecting(["_healpix_29", "source_id_gaia_from_lsdb_dataframe", "objectid_rubin", "_dist_arcsec"]).description)
        clock.done()

        clock.step("7. Export the crossmatch as a HATS catalog and read it back")
        let exportPath = "\(outputDirectory)/fgk_x_rubin"
        let properties = try await withRubin.writeCatalog(to: exportPath, name: "fgk_x_rubin", overwrite: true,
                                                          asCollection: false, options: options)
        let reopened = try Catalog.open(exportPath)
        let readBack = try await reopened.compute(options: options)
        print("wrote \(exportPath): \(properties.totalRows ?? 0) rows in \(reopened.partitions.count) partitions; "
              + "read back \(readBack.rowCount) rows, \(readBack.columnCount) columns")
        print(reopened.description)
        clock.done()

        print("\nFigures and the exported catalog are in \(outputDirectory)/")
        print(String(format: "Total: %.2f s", clock.total))
    }

    /// The six Rubin Data Preview 1 fields and their styles in the seed notebook.
    static let dp1Fields: [(name: String, ra: Double, dec: Double, color: PlotColor, style: LineStyle)] = [
        ("ECDFS", 53.13, -28.10, .red, .solid),
        ("EDFS", 59.10, -48.73, .red, .dashed),
        ("Rubin_SV_38_7", 37.86, 6.98, .red, .dotted),
        ("Rubin_SV_95_-25", 95.00, -25.00, .orange, .solid),
        ("47_Tuc", 6.02, -72.08, .orange, .dashed),
        ("Fornax_dSph", 40.00, -34.45, .orange, .dotted),
    ]
}

/// Prints step headings and their durations.
final class StepClock {
    private let start = Date()
    private var stepStart = Date()

    func step(_ title: String) {
        stepStart = Date()
        print("\n== \(title)")
    }

    func done() {
        print(String(format: "   (%.3f s)", Date().timeIntervalSince(stepStart)))
    }

    var total: Double { Date().timeIntervalSince(start) }
}
