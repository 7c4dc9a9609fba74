import Foundation
import HATS
import HEALPix
import Testing
@testable import LSDB

/// Corrupt, missing and malformed input gives a clear error naming the file or
/// value, never a crash or a partial output.
@Suite struct BadInputTests {
    /// A private copy of the Gaia sample to damage.
    func gaiaCopy(_ name: String = #function) throws -> String {
        let dir = try Repo.temporaryDirectory(name)
        let copy = dir + "/gaia"
        try FileManager.default.copyItem(atPath: Repo.path("Samples/gaia"), toPath: copy)
        return copy
    }

    func firstPartitionFile(_ catalog: String) throws -> (HealpixPixel, String) {
        let opened = try Catalog.open(catalog)
        let pixel = opened.partitions[0]
        return (pixel, try #require(opened.metadata).pixelPath(pixel))
    }

    @Test func truncatedPartitionNamesTheFile() async throws {
        let copy = try gaiaCopy()
        let (_, file) = try firstPartitionFile(copy)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        let catalog = try Catalog.open(copy)
        let error = await #expect(throws: LSDBError.self) { try await catalog.compute() }
        #expect("\(error!)".contains(file))
    }

    @Test func garbagePartitionNamesTheFile() async throws {
        let copy = try gaiaCopy()
        let (_, file) = try firstPartitionFile(copy)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file))
        let error = await #expect(throws: LSDBError.self) { try await Catalog.open(copy).compute() }
        #expect("\(error!)".contains("Npix="))
    }

    @Test func missingPartitionNamesThePixel() async throws {
        let copy = try gaiaCopy()
        let (pixel, file) = try firstPartitionFile(copy)
        try FileManager.default.removeItem(atPath: file)
        let error = await #expect(throws: LSDBError.self) { try await Catalog.open(copy).compute() }
        #expect("\(error!)".contains("\(pixel.order)/\(pixel.index)"))
    }

    @Test func failedOutputLeavesNoFile() async throws {
        let copy = try gaiaCopy()
        let (_, file) = try firstPartitionFile(copy)
        // Damage the last partition so that the failure comes after some rows were written.
        let catalog = try Catalog.open(copy)
        let last = try #require(catalog.metadata).pixelPath(catalog.partitions.last!)
        try Data(repeating: 0, count: 100).write(to: URL(fileURLWithPath: last))
        _ = file
        let out = try Repo.temporaryDirectory() + "/out.csv"
        await #expect(throws: LSDBError.self) { try await catalog.writeCSV(to: out, options: ExecutionOptions(concurrency: 2)) }
        #expect(!FileManager.default.fileExists(atPath: out))
        let directory = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "no temporary file left")
    }

    @Test func missingSchemaFilesAreAClearError() throws {
        let copy = try gaiaCopy()
        for name in ["_common_metadata", "_metadata"] {
            try? FileManager.default.removeItem(atPath: copy + "/dataset/" + name)
        }
        let error = #expect(throws: HATSError.self) { try Catalog.open(copy) }
        #expect("\(error!)".contains("schema"))
    }

    @Test func missingMetadataFallsBackToCommonMetadata() async throws {
        let copy = try gaiaCopy()
        try? FileManager.default.removeItem(atPath: copy + "/dataset/_metadata")
        let table = try await Catalog.open(copy).compute()
        #expect(table.rowCount == 61_690)
    }

    @Test func malformedPropertyNamesTheKey() throws {
        let copy = try gaiaCopy()
        for name in ["hats.properties", "properties"] {
            let path = copy + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "hats_nrows=61690", with: "hats_nrows=many")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let error = #expect(throws: HATSError.self) { try Catalog.open(copy) }
        #expect("\(error!)".contains("hats_nrows"))
    }

    @Test func notACatalogSaysSo() throws {
        let dir = try Repo.temporaryDirectory()
        let error = #expect(throws: HATSError.self) { try Catalog.open(dir) }
        #expect("\(error!)".contains("not a HATS catalog"))
        #expect(throws: HATSError.self) { try Catalog.open(dir + "/nowhere") }
    }

    @Test func unknownColumnListsTheAvailableOnes() throws {
        let error = #expect(throws: LSDBError.self) {
            try Catalog.open(Repo.path("Samples/gaia"), columns: ["parallax", "colour"])
        }
        #expect("\(error!)".contains("colour"))
        #expect("\(error!)".contains("phot_g_mean_mag"))
    }

    @Test func emptySearchAtOpenIsNoCoverage() throws {
        // The Rubin-like sample covers only the six DP1 fields.
        let error = #expect(throws: LSDBError.self) {
            try Catalog.open(Repo.path("Samples/rubin"), search: ConeSearch(ra: 200, dec: 60, radiusArcsec: 60))
        }
        #expect("\(error!)".contains("no coverage"))
    }

    @Test func emptySearchLaterIsAnEmptyCatalog() async throws {
        let rubin = try Catalog.open(Repo.path("Samples/rubin")).search(ConeSearch(ra: 200, dec: 60, radiusArcsec: 60))
        #expect(rubin.partitions.isEmpty)
        let table = try await rubin.compute()
        #expect(table.rowCount == 0)
        #expect(table.columnNames == rubin.columnNames)
    }

    @Test func withoutPointMapsSearchesStillMatch() async throws {
        let copy = try gaiaCopy()
        let cone = ConeSearch(ra: 95, dec: -25, radiusArcsec: 2520)
        try FileManager.default.removeItem(atPath: copy + "/point_map.fits")
        let skymapOnly = try await Catalog.open(copy, search: cone).compute()
        #expect(skymapOnly.rowCount == 485)
        try FileManager.default.removeItem(atPath: copy + "/skymap.fits")
        let partitionsOnly = try Catalog.open(copy, search: cone)
        #expect(try partitionsOnly.coverage() == nil)
        #expect(try await partitionsOnly.compute().rowCount == 485)
    }
}
