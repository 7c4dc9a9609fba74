import Columnar
import HEALPix
import Testing
@testable import LSDB

/// The sample facts recorded by `Scripts/make_samples.py` with lsdb 0.11.1.
@Suite struct CrossmatchSmokeTests {
    @Test func gaiaZtfMatchesLSDBCounts() async throws {
        let gaia = try Catalog.open(Repo.path("Samples/gaia"))
        let ztf = try Catalog.open(Repo.path("Samples/ztf"))
        let matched = try gaia.crossmatch(ztf, radiusArcsec: 1)
        let table = try await matched.compute()
        #expect(table.rowCount == 35_433)
        #expect(table.columnNames.first == "_healpix_29")
        #expect(table.columnNames.last == "_dist_arcsec")
        #expect(table.columnNames.contains("nobs_g_ztf"))
        let noMargin = try gaia.crossmatch(Catalog.open(Repo.path("Samples/ztf"), margin: .none), radiusArcsec: 1)
        #expect(!noMargin.warnings.isEmpty)
        #expect(try await noMargin.compute().rowCount == 35_383)
        let dwarfs = try matched.query(
            "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5 and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72")
        #expect(try await dwarfs.compute().rowCount == 2_272)
    }
}
