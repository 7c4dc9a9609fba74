import Columnar
import Foundation
import Testing
@testable import LSDB

/// The README's LSDB and crossmatch tours, run as written (paths made absolute).
@Suite struct ReadmeExampleTests {
    @Test func lazyCatalogTour() async throws {
        let gaia = try Catalog.open(Repo.path("Samples/gaia"))
        #expect("\(gaia)".contains("npartitions=39"))
        let field = try gaia.search(ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600))
        let dwarfs = try field.query("parallax > 0 and parallax_over_error > 5 and 5380 < teff < 7220 and 4.5 < logg < 4.72")
        let table = try await dwarfs.compute()
        #expect(table.rowCount == 35)
        #expect("\(table)".contains("[35 rows x"))

        let ztf = try Catalog.open(Repo.path("Samples/ztf"), columns: ["objectid", "nobs_g"])
        let busy = try ztf.filter(.column("nobs_g") > 300)
        var rows = 0
        for try await (_, part) in busy.partitionStream() { rows += part.rowCount }
        let out = try Repo.temporaryDirectory() + "/busy.csv"
        try await busy.writeCSV(to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == rows + 1)
        #expect(lines.first == "_healpix_29,objectid,nobs_g,ra,dec")
    }

    @Test func crossmatchTour() async throws {
        let gaia = try Catalog.open(Repo.path("Samples/gaia"))
        let ztf = try Catalog.open(Repo.path("Samples/ztf"))
        let matched = try gaia.crossmatch(ztf, radiusArcsec: 1)
        let dwarfs = try matched.query(
            "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5 and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72")
        let table = try await dwarfs.compute()
        #expect(table.rowCount == 2_272)
        let rubin = try Catalog.open(Repo.path("Samples/rubin"))
        let chained = try Catalog(table, raColumn: "ra_gaia", decColumn: "dec_gaia").crossmatch(rubin)
        #expect(chained.warnings.count == 1)
        #expect(try await chained.compute().rowCount == 58)
    }
}
