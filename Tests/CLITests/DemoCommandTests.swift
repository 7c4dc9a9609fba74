import Foundation
import Testing

/// The walkthrough (`lsdb demo`, what `make demo` runs) on the sample catalogs.
@Suite struct DemoCommandTests {
    @Test func walkthroughRunsEndToEnd() throws {
        let out = CatalogCommandTests.temporaryFile("demo")
        let result = try CLIRunner.run(["demo", "--samples", CatalogCommandTests.root + "/Samples", "--output-dir", out])
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["gaia stars in the field: 485; ztf objects: 457", "matches: 35433; FGK dwarfs among them: 2272",
                     "31 dwarfs in the field", "FGK dwarfs seen by Rubin: 58", "58 rows in 7 partitions; read back 58 rows"] {
            #expect(result.stdout.contains(line), "missing '\(line)'")
        }
        for file in ["pixels-gaia.png", "pixels-ztf.png", "field-Rubin_SV_95_-25.png", "fgk_x_rubin/hats.properties",
                     "fgk_x_rubin/dataset/_metadata", "fgk_x_rubin/partition_info.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "missing \(file)")
        }
        #expect(result.stdout.contains("Figures and the exported catalog are in \(out)/"))
    }
}
