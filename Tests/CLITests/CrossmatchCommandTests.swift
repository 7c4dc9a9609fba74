import Foundation
import Testing

/// End-to-end tests of `lsdb crossmatch` on the sample catalogs (counts from lsdb 0.11.1,
/// recorded in Samples/README.md).
@Suite struct CrossmatchCommandTests {
    static func sample(_ name: String) -> String { CatalogCommandTests.sample(name) }

    @Test func countsMatchLSDB() throws {
        let result = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--count"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "35433\n")
        #expect(result.stderr.isEmpty, "the collection's default margin is used: no warning")
        let seed = try CLIRunner.run([
            "crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--count", "--where",
            "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5 and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72",
        ])
        #expect(seed.stdout == "2272\n", "\(seed.stderr)")
    }

    @Test func missingRightMarginWarns() throws {
        let result = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf/ztf"), "--count"])
        #expect(result.status == 0)
        #expect(result.stdout == "35383\n")
        #expect(result.stderr.hasPrefix("warning: Right catalog ztf does not have a margin cache"))
    }

    @Test func csvOutputHasSuffixedColumns() throws {
        let out = CatalogCommandTests.temporaryFile("xmatch.csv")
        let result = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--left-columns", "source_id",
                                        "--right-columns", "objectid", "--suffixes", "_g,_z", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "_healpix_29,source_id_g,ra_g,dec_g,objectid_z,ra_z,dec_z,_dist_arcsec")
        #expect(lines.count == 35_433 + 1)
    }

    @Test func errors() throws {
        let tooWide = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--radius-arcsec", "20"])
        #expect(tooWide.status == 1)
        #expect(tooWide.stderr.contains("Cross match radius is greater than margin threshold"))
        let badHow = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--how", "outer"])
        #expect(badHow.status == 64)
        let negative = try CLIRunner.run(["crossmatch", Self.sample("gaia"), Self.sample("ztf"), "--radius-arcsec", "-1"])
        #expect(negative.status == 1)
        #expect(negative.stderr.hasPrefix("error: radius must be positive"))
        let left = try CLIRunner.run(["crossmatch", Self.sample("rubin"), Self.sample("ztf"), "--how", "left", "--count"])
        #expect(left.status == 0)
        #expect(left.stdout == "4727\n", "every Rubin row is kept by a left join")
    }
}
