import Foundation
import HATS
import Testing
@testable import LSDB

/// The import's memory budget: keeping intermediates in memory or spilling them to disk
/// must write the same catalog.
@Suite struct ImportSpillTests {
    /// Every Parquet data file of an output, by its path relative to the output.
    static func dataFiles(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".parquet"), path.contains("Norder=") else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
        }
        return files
    }

    /// Imports `inputs` once per budget and returns the data files and spill counts.
    static func imports(_ inputs: [String], in dir: String, budgets: [Int], chunkBytes: Int = 40_000)
        async throws -> [(files: [String: Data], spilled: Int)] {
        var results: [(files: [String: Data], spilled: Int)] = []
        for (i, budget) in budgets.enumerated() {
            var arguments = ImportArguments(inputs: inputs, output: "\(dir)/out\(i)", name: "cat")
            arguments.partitioning = PartitioningOptions(highestOrder: 5, threshold: .rows(250))
            arguments.marginThreshold = 600
            arguments.chunkBytes = chunkBytes
            arguments.memoryBudget = budget
            arguments.concurrency = 2
            let result = try await CatalogImport.run(arguments)
            results.append((try dataFiles("\(dir)/out\(i)"), result.spilledFiles))
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/out\(i)/.intermediate"))
        }
        return results
    }

    @Test func csvSpilledOrKeptWritesTheSameCatalog() async throws {
        let dir = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = try TableCatalogTests.table()
        try table.slice(0..<1700).writeCSV(to: dir + "/a.csv")
        try table.slice(1700..<3000).writeCSV(to: dir + "/b.csv")
        // Everything in memory; nothing; part of it (the first chunks of a file kept, then given back).
        let results = try await Self.imports([dir + "/a.csv", dir + "/b.csv"], in: dir, budgets: [1 << 30, 0, 60_000])
        #expect(results[0].spilled == 0)
        #expect(results[1].spilled > 0)
        #expect(results[2].spilled > 0)
        #expect(results[0].files.count > 10)
        for other in results.dropFirst() {
            #expect(other.files.keys.sorted() == results[0].files.keys.sorted())
            for (path, data) in results[0].files { #expect(other.files[path] == data, "\(path)") }
        }
    }

    @Test func parquetSpilledOrKeptWritesTheSameCatalog() async throws {
        let dir = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = try TableCatalogTests.table()
        try table.slice(0..<1000).writeParquet(to: dir + "/a.parquet")
        try table.slice(1000..<3000).writeParquet(to: dir + "/b.parquet")
        let results = try await Self.imports([dir + "/a.parquet", dir + "/b.parquet"], in: dir, budgets: [1 << 30, 0, 50_000])
        #expect(results[0].spilled == 0)
        #expect(results[1].spilled > 0)
        for other in results.dropFirst() {
            #expect(other.files.keys.sorted() == results[0].files.keys.sorted())
            for (path, data) in results[0].files { #expect(other.files[path] == data, "\(path)") }
        }
    }
}
