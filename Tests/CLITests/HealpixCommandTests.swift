import Foundation
import HEALPix
import Testing

/// End-to-end tests of `lsdb healpix`, against cdshealpix and mocpy reference values.
@Suite struct HealpixCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("HEALPixTests/Fixtures")

    @Test func hashMatchesCdshealpixOnEdgeCases() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("hash_points.csv"), encoding: .utf8)
        var input = "lon,lat\n"
        var expected: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields.count < 4 || fields[3].isEmpty else { continue }
            input += "\(fields[0]),\(fields[1])\n"
            expected.append(String(fields[2]))
        }
        #expect(expected.count > 10_000)
        let result = try CLIRunner.run(["healpix", "hash", "--order", "29"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ipix")
        #expect(Array(lines.dropFirst()) == expected)
    }

    @Test func hashHonoursNegativeZeroAndColumnOrder() throws {
        let result = try CLIRunner.run(["healpix", "hash", "--order", "29", "-"], stdin: "id,lat,lon\n1,0,-0.0\n2,-25,95\n")
        #expect(result.status == 0)
        // cdshealpix.lonlat_to_healpix(Longitude([-0.0, 95] deg), Latitude([0, -25] deg), 29)
        #expect(result.stdout == "ipix\n1369094286720630784\n1456147176606241811\n")
    }

    @Test func hashReportsBadRowsOnOneLine() throws {
        let result = try CLIRunner.run(["healpix", "hash", "--order", "10"], stdin: "lon,lat\n1,2\n3,nan\n")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains("line 3"))
        #expect(result.stderr.split(separator: "\n").count == 1)

        let missing = try CLIRunner.run(["healpix", "hash", "--order", "10"], stdin: "ra,dec\n1,2\n")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("'lon' and 'lat'"))

        let noFile = try CLIRunner.run(["healpix", "hash", "--order", "10", "/nonexistent/points.csv"])
        #expect(noFile.status == 1)
        #expect(noFile.stderr.contains("/nonexistent/points.csv"))
    }

    @Test func coneMatchesMocpyForTheRubinField() throws {
        // mocpy MOC.from_cone(95°, -25°, 2520″, max_depth=8, delta_depth=2): 43 cells, these first runs.
        let result = try CLIRunner.run(["healpix", "cone", "--order", "8", "--ra", "95", "--dec", "-25", "--radius-arcsec", "2520"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(4)) == ["329703", "329708-329711", "329714-329715", "329718"])
        let count = lines.reduce(0) { total, line in
            let bounds = line.split(separator: "-").compactMap { Int($0) }
            return total + (bounds.count == 2 ? bounds[1] - bounds[0] + 1 : 1)
        }
        #expect(count == 43)
    }

    @Test func coneAcceptsNegativeNumbersAndMatchesTheLibrary() throws {
        let result = try CLIRunner.run(["healpix", "cone", "--order", "6", "--ra", "-35", "--dec", "-55", "--radius-arcsec", "7200"])
        #expect(result.status == 0, "\(result.stderr)")
        let moc = MOC.cone(lon: -35, lat: -55, radiusArcsec: 7200, maxOrder: 6)
        let expected = moc.pixelRanges(atOrder: 6).map {
            $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
        }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
    }

    @Test func usageErrorsExitWith64() throws {
        let badOrder = try CLIRunner.run(["healpix", "cone", "--order", "40", "--ra", "1", "--dec", "2", "--radius-arcsec", "3"])
        #expect(badOrder.status == 64)
        let badDec = try CLIRunner.run(["healpix", "cone", "--order", "4", "--ra", "1", "--dec", "95", "--radius-arcsec", "3"])
        #expect(badDec.status == 64)
        #expect(badDec.stderr.contains("--dec"))
    }
}
