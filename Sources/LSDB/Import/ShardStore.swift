import Columnar
import Foundation
import HATS
import Parquet

/// The temporary per-partition shard files of an import's split stage:
/// `<root>/<kind>/<target>/<file>_<chunk>.parquet`, written uncompressed for speed.
final class ShardStore: @unchecked Sendable {
    let root: String
    private let firstSchema = Locked<Schema?>(nil)
    private let createdDirectories = Locked<Set<String>>([])

    /// Fast, plain Parquet: these files live for minutes.
    static let options: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .uncompressed
        options.useDictionary = false
        options.writeStatistics = false
        options.concurrency = 1
        return options
    }()

    init(root: String) { self.root = root }

    func directory(_ kind: String, _ target: Int) -> String { "\(root)/\(kind)/\(target)" }

    /// Writes one shard.
    func write(_ table: Table, kind: String, target: Int, name: String) throws {
        let dir = directory(kind, target)
        // Created under the lock, so that no other task writes into it before it exists.
        try createdDirectories.withLock { created in
            if created.insert(dir).inserted {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
        }
        do {
            _ = try ParquetWriter.write(table, to: "\(dir)/\(name).parquet", options: Self.options)
        } catch {
            throw LSDBError.outputFailed(path: "\(dir)/\(name).parquet", "cannot write a temporary shard: \(error)")
        }
        firstSchema.withLock { if $0 == nil { $0 = table.schema } }
    }

    /// Keeps a chunk's `_healpix_29` values between the map and split passes (raw bytes),
    /// so that positions are hashed once.
    func saveIndex(_ values: [Int64], name: String) throws {
        let dir = "\(root)/index"
        try createdDirectories.withLock { created in
            if created.insert(dir).inserted {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
        }
        let data = values.withUnsafeBytes { Data($0) }
        do { try data.write(to: URL(fileURLWithPath: "\(dir)/\(name).bin")) } catch {
            throw LSDBError.outputFailed(path: "\(dir)/\(name).bin", "cannot write a temporary file: \(error)")
        }
    }

    /// The values ``saveIndex(_:name:)`` kept for a chunk of `count` rows (removed once read),
    /// or `nil` when there are none.
    func loadIndex(name: String, count: Int) -> [Int64]? {
        let path = "\(root)/index/\(name).bin"
        guard let data = FileManager.default.contents(atPath: path), data.count == count * 8 else { return nil }
        try? FileManager.default.removeItem(atPath: path)
        return [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }

    /// Reads every shard of a target, in name order, as one table.
    func read(kind: String, target: Int, concurrency: Int) throws -> Table? {
        let dir = directory(kind, target)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted(by: Self.shardOrder)
        guard !names.isEmpty else { return nil }
        let tables = try names.map { name in
            try ParquetFileReader(path: "\(dir)/\(name)", options: ReadOptions(concurrency: concurrency)).read()
        }
        return try tables.count == 1 ? tables[0] : Table.concatenate(tables)
    }

    /// Shards ordered by input file, then chunk (`<file>_<chunk>.parquet`).
    static func shardOrder(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> (Int, Int) {
            let parts = s.replacingOccurrences(of: ".parquet", with: "").split(separator: "_")
            return (Int(parts.first ?? "") ?? 0, Int(parts.last ?? "") ?? 0)
        }
        return key(a) < key(b)
    }

    /// The targets of a kind that received rows.
    func nonEmpty(kind: String) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(kind)")) ?? []).compactMap(Int.init).sorted()
    }

    /// Removes a target's shards.
    func remove(kind: String, target: Int) {
        try? FileManager.default.removeItem(atPath: directory(kind, target))
    }

    /// The schema of the shards (the first one written).
    func schema() throws -> Schema {
        guard let schema = firstSchema.withLock({ $0 }) else { throw LSDBError.invalidArgument("the input has no rows") }
        return schema
    }

    /// Removes every shard.
    func removeAll() { try? FileManager.default.removeItem(atPath: root) }
}
