import Foundation
import Testing

/// End-to-end tests of `lsdb info` and `lsdb select` on the sample catalogs.
@Suite struct CatalogCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func sample(_ name: String) -> String { root + "/Samples/" + name }

    static func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "lsdb-cli-\(UInt32.random(in: 0...UInt32.max))-" + name
    }

    @Test func infoJSONHasTheContractFields() throws {
        let result = try CLIRunner.run(["info", Self.sample("ztf"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["name"] as? String == "ztf")
        #expect(json["type"] as? String == "object")
        #expect(json["ra_column"] as? String == "ra")
        #expect(json["dec_column"] as? String == "dec")
        #expect(json["total_rows"] as? Int == 39_433)
        #expect(json["npartitions"] as? Int == 21)
        let partitions = try #require(json["partitions"] as? [[String: Int]])
        #expect(partitions.count == 21)
        #expect(partitions.first == ["order": 0, "pixel": 0])
        let columns = try #require(json["columns"] as? [[String: String]])
        #expect(columns.contains(["name": "nobs_g", "type": "int32"]))
        let margin = try #require(json["margin"] as? [String: Any])
        #expect(margin["threshold"] as? Double == 10)
        #expect((margin["path"] as? String)?.hasSuffix("ztf_10arcs") == true)
        let plain = try CLIRunner.run(["info", Self.sample("gaia"), "--json"])
        let gaia = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect(gaia["margin"] is NSNull)
    }

    @Test func infoTextSaysNothingWasRead() throws {
        let result = try CLIRunner.run(["info", Self.sample("gaia")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("npartitions=39"))
        #expect(result.stdout.contains("no data has been read"))
        #expect(result.stdout.contains("Order: 0, Pixel: 0"))
    }

    @Test func selectConeToCSV() throws {
        let out = Self.temporaryFile("cone.csv")
        let result = try CLIRunner.run(["select", Self.sample("gaia"), "--cone", "95,-25,2520",
                                        "--columns", "source_id,teff", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "_healpix_29,source_id,teff,ra,dec")
        #expect(lines.count == 485 + 2)  // header, rows, final newline
        #expect(lines.dropFirst().contains { $0.split(separator: ",", omittingEmptySubsequences: false).count == 5 && $0.contains(",,") },
                "a null teff is an empty field")
    }

    @Test func selectLimitAndParquet() throws {
        let out = Self.temporaryFile("head.parquet")
        let result = try CLIRunner.run(["select", Self.sample("ztf"), "--limit", "7", "--output", out, "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
        let printed = try CLIRunner.run(["select", Self.sample("ztf"), "--limit", "7"])
        #expect(printed.stdout.contains("[7 rows x"))
    }

    @Test func negativeNumbersInLists() throws {
        let result = try CLIRunner.run(["select", Self.sample("gaia"), "--cone", "-35,-55,7200", "--limit", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let box = try CLIRunner.run(["select", Self.sample("gaia"), "--box", "350,10,-5,5", "--limit", "1"])
        #expect(box.status == 0, "\(box.stderr)")
    }

    @Test func errorsAreOneLine() throws {
        let unknown = try CLIRunner.run(["select", Self.sample("gaia"), "--columns", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: unknown column 'nope'"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let missing = try CLIRunner.run(["info", Self.sample("nowhere")])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: "))
        let noCoverage = try CLIRunner.run(["select", Self.sample("rubin"), "--cone", "200,60,60"])
        #expect(noCoverage.status == 1)
        #expect(noCoverage.stderr.contains("no coverage"))
        let usage = try CLIRunner.run(["select", Self.sample("gaia"), "--cone", "1,2"])
        #expect(usage.status == 64)
        let both = try CLIRunner.run(["select", Self.sample("gaia"), "--cone", "1,2,3", "--orders", "0,1"])
        #expect(both.status == 64)
    }

    @Test func progressBarOnATerminal() throws {
        // `script` runs the command on a pseudo-terminal, so stderr is a terminal.
        let out = Self.temporaryFile("tty.csv")
        let command = "\(CLIRunner.executable.path) select \(Self.sample("gaia")) --output \(out)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("39/39 partitions, 61690 rows"), "\(text)")
        let quiet = Process()
        quiet.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        quiet.arguments = ["-q", "-e", "-c", command + " --no-progress", "/dev/null"]
        let quietPipe = Pipe()
        quiet.standardOutput = quietPipe
        try quiet.run()
        let quietText = String(decoding: quietPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        quiet.waitUntilExit()
        #expect(!quietText.contains("partitions"), "\(quietText)")
    }
}
