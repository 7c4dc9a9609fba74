import Columnar
import Foundation
import HATS
import Parquet

/// The per-partition shards of an import's split stage, keyed by kind (`main`, `margin`),
/// target and the (file, chunk) they came from.
///
/// Shards stay in memory while the ``MemoryBudget`` allows; beyond it they are spilled to
/// uncompressed Parquet files, `<root>/<kind>/<target>/<file>_<chunk>.parquet`. Reading a
/// target returns its shards in (file, chunk) order, wherever they live, so the result does
/// not depend on the budget.
final class ShardStore: @unchecked Sendable {
    let root: String
    /// The budget shared with the kept chunks and `_healpix_29` arrays.
    let budget: MemoryBudget
    private let firstSchema = Locked<Schema?>(nil)
    private let createdDirectories = Locked<Set<String>>([])
    private let shards = Locked<[String: [Int: [Shard]]]>([:])
    private let indices = Locked<[Int: [Int64]]>([:])
    private let spills = Locked(0)

    /// One shard: a table in memory, or the file it was spilled to.
    private struct Shard {
        let key: Int
        let table: Table?
        let path: String?
        let bytes: Int
    }

    /// Fast, plain Parquet: spilled shards live for minutes.
    static let options: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .uncompressed
        options.useDictionary = false
        options.writeStatistics = false
        options.concurrency = 1
        return options
    }()

    init(root: String, budget: MemoryBudget) {
        self.root = root
        self.budget = budget
    }

    /// The ordering key of a (file, chunk) pair.
    static func key(file: Int, chunk: Int) -> Int { file << 32 | chunk }

    /// How many shards and index arrays went to disk.
    var spilledCount: Int { spills.withLock { $0 } }

    /// Stores one shard, in memory when the budget allows.
    func write(_ table: Table, kind: String, target: Int, file: Int, chunk: Int) throws {
        firstSchema.withLock { if $0 == nil { $0 = table.schema } }
        let bytes = table.byteCount
        let shard: Shard
        if budget.reserve(bytes) {
            shard = Shard(key: Self.key(file: file, chunk: chunk), table: table, path: nil, bytes: bytes)
        } else {
            let path = "\(try directory("\(root)/\(kind)/\(target)"))/\(file)_\(chunk).parquet"
            do {
                _ = try ParquetWriter.write(table, to: path, options: Self.options)
            } catch {
                throw LSDBError.outputFailed(path: path, "cannot write a temporary shard: \(error)")
            }
            spills.withLock { $0 += 1 }
            shard = Shard(key: Self.key(file: file, chunk: chunk), table: nil, path: path, bytes: 0)
        }
        shards.withLock { $0[kind, default: [:]][target, default: []].append(shard) }
    }

    /// Keeps a chunk's `_healpix_29` values between the map and split passes, so that
    /// positions are hashed once: in memory, or as raw bytes on disk beyond the budget.
    func saveIndex(_ values: [Int64], file: Int, chunk: Int) throws {
        let key = Self.key(file: file, chunk: chunk)
        if budget.reserve(values.count * 8) {
            indices.withLock { $0[key] = values }
            return
        }
        let path = "\(try directory("\(root)/index"))/\(file)_\(chunk).bin"
        let data = values.withUnsafeBytes { Data($0) }
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw LSDBError.outputFailed(path: path, "cannot write a temporary file: \(error)")
        }
        spills.withLock { $0 += 1 }
    }

    /// The values ``saveIndex(_:file:chunk:)`` kept for a chunk of `count` rows (forgotten
    /// once read), or `nil` when there are none.
    func loadIndex(file: Int, chunk: Int, count: Int) -> [Int64]? {
        if let values = indices.withLock({ $0.removeValue(forKey: Self.key(file: file, chunk: chunk)) }) {
            budget.release(values.count * 8)
            return values.count == count ? values : nil
        }
        let path = "\(root)/index/\(file)_\(chunk).bin"
        guard let data = FileManager.default.contents(atPath: path), data.count == count * 8 else { return nil }
        try? FileManager.default.removeItem(atPath: path)
        return [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }

    /// Every shard of a target, in (file, chunk) order, as one table; `nil` when it has none.
    func read(kind: String, target: Int, concurrency: Int) throws -> Table? {
        let list = shards.withLock { $0[kind]?[target] ?? [] }.sorted { $0.key < $1.key }
        guard !list.isEmpty else { return nil }
        let tables = try list.map { shard -> Table in
            if let table = shard.table { return table }
            let table = try ParquetFileReader(path: shard.path!, options: ReadOptions(concurrency: concurrency)).read()
            return try conformed(table)
        }
        return try tables.count == 1 ? tables[0] : Table.concatenate(tables)
    }

    /// A spilled shard as it was in memory: the file lacks Arrow's type details (`large_string`
    /// reads back as `string`) and the index mark.
    private func conformed(_ table: Table) throws -> Table {
        let schema = try schema()
        guard table.schema.fields.map(\.type) != schema.fields.map(\.type) || table.indexColumnName != ImportRun.healpix else {
            return table
        }
        let columns = try zip(table.columns, schema.fields).map { column, field in
            if column.type == field.type { return column }
            // Both string kinds hold 64-bit offsets in memory: only the type name differs.
            if [.string, .largeString].contains(column.type), [.string, .largeString].contains(field.type)
                || [.binary, .largeBinary].contains(column.type) && [.binary, .largeBinary].contains(field.type) {
                return try Column(type: field.type, count: column.count, validity: column.validity,
                                  buffers: column.buffers, children: column.children)
            }
            return try column.cast(to: field.type)
        }
        return try Table(schema: schema, columns: columns, rowCount: table.rowCount,
                         indexColumnName: schema.firstIndex(of: ImportRun.healpix) != nil ? ImportRun.healpix : nil)
    }

    /// The targets of a kind that received rows, in increasing order.
    func nonEmpty(kind: String) -> [Int] {
        shards.withLock { $0[kind].map { Array($0.keys) } ?? [] }.sorted()
    }

    /// Forgets a target's shards, returning their memory to the budget.
    func remove(kind: String, target: Int) {
        let list = shards.withLock { $0[kind]?.removeValue(forKey: target) } ?? []
        budget.release(list.reduce(0) { $0 + $1.bytes })
        if list.contains(where: { $0.path != nil }) {
            try? FileManager.default.removeItem(atPath: "\(root)/\(kind)/\(target)")
        }
    }

    /// The schema of the shards (the first one stored).
    func schema() throws -> Schema {
        guard let schema = firstSchema.withLock({ $0 }) else { throw LSDBError.invalidArgument("the input has no rows") }
        return schema
    }

    /// Forgets every shard and removes the spill directory.
    func removeAll() {
        let bytes = shards.withLock { all -> Int in
            defer { all = [:] }
            return all.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.bytes } } }
        }
        let indexBytes = indices.withLock { all -> Int in
            defer { all = [:] }
            return all.values.reduce(0) { $0 + $1.count * 8 }
        }
        budget.release(bytes + indexBytes)
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Creates a spill directory once; returns its path.
    private func directory(_ path: String) throws -> String {
        // Created under the lock, so that no other task writes into it before it exists.
        try createdDirectories.withLock { created in
            if created.insert(path).inserted {
                do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                    throw LSDBError.outputFailed(path: path, "cannot create a temporary directory: \(error)")
                }
            }
        }
        return path
    }
}
