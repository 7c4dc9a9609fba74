import ArgumentParser
import Columnar
import Foundation
import LSDB

/// `lsdb demo`: the walkthrough of the seed notebook on the sample catalogs.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the walkthrough on the sample catalogs in the repository.",
        discussion: """
            Opens the Gaia-like and ZTF-like samples lazily and describes them, cone searches \
            the Rubin_SV_95_-25 field (RA 95, Dec -25, 0.7 degrees), queries and computes, \
            crossmatches Gaia with ZTF over the whole sky with the margin cache, keeps the seed's \
            FGK dwarfs, and crossmatches them, as an in-memory table, with the Rubin-like sample, \
            timing each step.
            """)

    @Option(help: "The directory holding the sample catalogs.")
    var samples = "Samples"

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
        let field = ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600)

        clock.step("1. Open the Gaia-like and ZTF-like catalogs lazily")
        let gaia = try Catalog.open("\(samples)/gaia")
        let ztf = try Catalog.open("\(samples)/ztf")
        print(gaia.description, "\n")
        print(ztf.description)
        clock.done()

        clock.step("2. Cone search the Rubin_SV_95_-25 field: \(field)")
        let gaiaField = try gaia.search(field)
        let ztfField = try ztf.search(field)
        print("gaia: \(gaiaField.partitions.count) of \(gaia.partitions.count) partitions to read: "
              + gaiaField.partitions.map { "Order: \($0.order), Pixel: \($0.index)" }.joined(separator: "; "))
        print("ztf:  \(ztfField.partitions.count) of \(ztf.partitions.count) partitions to read, "
              + "margin \(ztfField.margin?.partitions.count ?? 0) partitions")
        clock.done()

        clock.step("3. Query the field's Gaia stars: FGK dwarfs")
        let query = "parallax > 0 and parallax_over_error > 5 and 5380 < teff < 7220 and 4.5 < logg < 4.72"
        print("query: \(query)")
        let dwarfs = try gaiaField.query(query)
        clock.done()

        clock.step("4. Compute")
        let allStars = try await gaiaField.compute(options: options)
        let dwarfTable = try await dwarfs.compute(options: options)
        let ztfTable = try await ztfField.compute(options: options)
        print("gaia stars in the field: \(allStars.rowCount); FGK dwarfs: \(dwarfTable.rowCount); "
              + "ztf objects in the field: \(ztfTable.rowCount)\n")
        print(dwarfTable.description)
        clock.done()

        clock.step("5. Whole-sky query on the ZTF-like catalog, streamed partition by partition")
        var partitions = 0, rows = 0
        for try await (_, table) in try ztf.query("nobs_g > 50 and nobs_r > 50").partitionStream(options: options) {
            partitions += 1
            rows += table.rowCount
        }
        print("nobs_g > 50 and nobs_r > 50: \(rows) of \(ztf.totalRows ?? 0) rows, from \(partitions) partitions")
        clock.done()

        clock.step("6. Crossmatch Gaia x ZTF over the whole sky (1\", with ZTF's 10\" margin cache), keep FGK dwarfs")
        let matched = try gaia.crossmatch(ztf, radiusArcsec: 1)
        print("\(matched.partitions.count) aligned partitions; columns: \(matched.columnNames.joined(separator: ", "))")
        let seedQuery = "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5"
            + " and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72"
        print("query: \(seedQuery)")
        let pairs = try await matched.compute(options: options)
        let fgk = try await matched.query(seedQuery).compute(options: options)
        print("matches: \(pairs.rowCount); FGK dwarfs among them: \(fgk.rowCount)\n")
        print(try fgk.selecting(["_healpix_29", "source_id_gaia", "objectid_ztf", "teff_gaia", "_dist_arcsec"]).description)
        clock.done()

        clock.step("7. Crossmatch the FGK dwarfs, as an in-memory table, with the Rubin-like catalog (1\")")
        let rubin = try Catalog.open("\(samples)/rubin")
        let fgkCatalog = try Catalog(fgk, raColumn: "ra_gaia", decColumn: "dec_gaia")
        let withRubin = try fgkCatalog.crossmatch(rubin, radiusArcsec: 1)
        for warning in withRubin.warnings where !global.quiet { print("warning: \(warning)") }
        let rubinMatches = try await withRubin.compute(options: options)
        print("FGK dwarfs seen by Rubin: \(rubinMatches.rowCount)\n")
        print(try rubinMatches.selecting(["_healpix_29", "source_id_gaia_from_lsdb_dataframe", "objectid_rubin", "_dist_arcsec"]).description)
        clock.done()
        print("\nTotal: \(String(format: "%.2f", clock.total)) s")
    }
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
