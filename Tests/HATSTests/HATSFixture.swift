import Foundation
import HEALPix
import Testing
@testable import HATS

/// Locations of the committed Samples and of the expected values written by
/// Scripts/make_hats_fixtures.py.
enum HATSFixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repositoryRoot.appendingPathComponent("Samples").path

    static func sample(_ relative: String) -> String { samples + "/" + relative }
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: data(name))
    }

    /// The expected values of one sample catalog (`catalogs.json`).
    struct Catalog: Decodable {
        struct Typed: Decodable {
            let catalog_name: String
            let catalog_type: String
            let total_rows: Int?
            let ra_column: String?
            let dec_column: String?
            let default_columns: [String]?
            let healpix_column: String?
            let healpix_order: Int?
            let primary_catalog: String?
            let margin_threshold: Double?
            let npix_suffix: String
            let skymap_order: Int?
            let skymap_alt_orders: [Int]?
            let hats_max_rows: Int?
            let hats_estsize: Int?
            let moc_sky_fraction: Double?
            let extra: [String: String]
        }
        struct Map: Decodable {
            let order: Int
            let total: Int64
            let nonzero_count: Int
            let index_weighted_sum: UInt64
            let first_nonzero: [[Int64]]
            let last_nonzero: [[Int64]]
            let skymap_equal: Bool
        }
        let path: String
        let properties: [[String]]
        let typed: Typed
        let partitions: [[UInt64]]
        let csv_rows: [[UInt64]]
        let point_map: Map?
        let moc: String?

        var pixels: [HealpixPixel] { partitions.map { HealpixPixel(order: Int($0[0]), index: $0[1]) } }
    }

    static func catalogs() throws -> [Catalog] { try decode([Catalog].self, "catalogs.json") }

    static func catalog(_ path: String) throws -> Catalog {
        try #require(try catalogs().first { $0.path == path })
    }

    /// The expected collection values (`collection.json`).
    struct Collection: Decodable {
        let properties: [[String]]
        let name: String
        let primary: String
        let all_margins: [String]
        let default_margin: String
        let main_catalog_dir: String
        let default_margin_dir: String
        let margin_threshold: Double
        let margin_partitions: [[UInt64]]
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// A temporary copy of a sample catalog or collection.
    static func copyOfSample(_ relative: String) throws -> String {
        let destination = try temporaryDirectory() + "/" + (relative as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: sample(relative), toPath: destination)
        return destination
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` and returns the ``HATSError`` it throws (or fails the test).
func hatsError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> HATSError? {
    do {
        try body()
        Issue.record("expected a HATSError, got success", sourceLocation: sourceLocation)
    } catch let error as HATSError {
        return error
    } catch {
        Issue.record("expected a HATSError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
