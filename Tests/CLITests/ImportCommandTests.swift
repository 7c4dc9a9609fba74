import Foundation
import Testing

/// End-to-end tests of `lsdb import`.
@Suite struct ImportCommandTests {
    static func directory() throws -> String {
        let dir = NSTemporaryDirectory() + "lsdb-cli-import-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func csv(rows: Int) -> String {
        var text = "id,ra,dec,mag\n"
        for i in 0..<rows {
            text += "\(i),\(Double(i % 360) + 0.25),\(Double(i % 170) - 84.5),\(Double(i % 7) + 15)\n"
        }
        return text
    }

    @Test func importsACSVWithAMarginAsACollection() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(Self.csv(rows: 2000).utf8).write(to: URL(fileURLWithPath: dir + "/in.csv"))
        let result = try CLIRunner.run(["import", dir + "/in.csv", "--output", dir + "/out", "--name", "cat",
                                        "--max-rows", "300", "--highest-order", "4", "--margin-arcsec", "3600",
                                        "--no-progress"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2000 rows"))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir + "/out"))
        #expect(names == ["collection.properties", "cat", "cat_3600arcs"])
        let info = try CLIRunner.run(["info", dir + "/out", "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(json["total_rows"] as? Int == 2000)
        // The same output again is refused, then replaced with --overwrite.
        let again = try CLIRunner.run(["import", dir + "/in.csv", "--output", dir + "/out", "--no-progress"])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: "))
        let replaced = try CLIRunner.run(["import", dir + "/in.csv", "--output", dir + "/out", "--overwrite",
                                          "--highest-order", "3", "--no-progress", "--quiet"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/hats.properties"))
    }

    @Test func badInputIsOneErrorLine() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("id,ra,dec\n1,10,20\n2,x,30\n".utf8).write(to: URL(fileURLWithPath: dir + "/in.csv"))
        let result = try CLIRunner.run(["import", dir + "/in.csv", "--output", dir + "/out", "--no-progress",
                                        "--column-type", "ra=double"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("in.csv:3"))
        #expect(result.stderr.contains("'ra'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let usage = try CLIRunner.run(["import", dir + "/in.csv", "--output", dir + "/out", "--column-type", "ra=complex"])
        #expect(usage.status == 64)
    }
}
