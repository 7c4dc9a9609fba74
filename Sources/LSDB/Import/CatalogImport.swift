import Columnar
import Foundation
import HATS
import HEALPix
import Parquet

/// `lsdb import`: builds a HATS catalog (and optionally its margin) from CSV and
/// Parquet files, as hats-import does, in a streaming map, split and reduce.
///
/// 1. **Map**: every input is read in chunks (CSV, parsed whole) or row groups (Parquet; only RA/Dec)
///    and counted into a histogram at the highest order.
/// 2. **Bin**: hats' alignment turns the histogram into partitions.
/// 3. **Split**: every chunk (kept from the map pass for CSV, read again for Parquet) sends
///    its rows, with `_healpix_29` first, to shards per destination partition (and per
///    margin partition). Meanwhile the point map is written from the map's histogram.
/// 4. **Reduce**: each partition's shards are concatenated, sorted by `_healpix_29`
///    (then the sort columns) and written; then the metadata files.
///
/// Kept chunks, `_healpix_29` arrays and shards stay in memory up to
/// ``ImportArguments/memoryBudget`` and go to temporary files beyond it. Memory is bounded by
/// that budget plus the chunk size times the concurrency and one partition per
/// worker in the reduce, never by the input's size. The output appears atomically.
///
///     var arguments = ImportArguments(inputs: ["data/*.parquet"], output: "out/gaia", name: "gaia")
///     arguments.marginThreshold = 10
///     let result = try await CatalogImport.run(arguments)
public enum CatalogImport {
    /// Runs an import.
    ///
    /// - Throws: ``LSDBError`` for bad arguments, inputs that do not parse (naming the file,
    ///   line or row, and column), coordinates out of range, a histogram pixel above the
    ///   threshold, or an existing output; ``HATSError`` from the writer.
    @discardableResult
    public static func run(_ arguments: ImportArguments) async throws -> ImportResult {
        defer { ReadBufferPool.shared.drain() }
        let run = try ImportRun(arguments)
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: arguments.output, overwrite: arguments.overwrite) } catch {
            throw LSDBError.outputFailed(path: arguments.output, error.message)
        }
        do {
            let result = try await run.execute(in: staging.path)
            try staging.commit()
            var final = result
            final.catalogPath = arguments.marginThreshold == nil ? staging.target : HATSPaths.join(staging.target, arguments.name)
            return final
        } catch {
            staging.discard()
            if let error = error as? HATSError { throw LSDBError.outputFailed(path: arguments.output, error.description) }
            throw error
        }
    }

    /// The margin catalog's directory name: `<name>_<threshold>arcs`, the threshold as an
    /// integer when it is one.
    public static func marginName(_ name: String, threshold: Double) -> String {
        threshold == threshold.rounded() && abs(threshold) < 1e15 ? "\(name)_\(Int(threshold))arcs" : "\(name)_\(threshold)arcs"
    }
}

/// One import's state across the stages.
final class ImportRun: @unchecked Sendable {
    let arguments: ImportArguments
    let inputs: [ImportInput]
    let start = Date()
    var csvTypes: [String: CSVColumnType]?
    static let healpix = LSDB.healpixColumn

    init(_ arguments: ImportArguments) throws {
        guard !arguments.name.isEmpty, !arguments.name.contains("/") else {
            throw LSDBError.invalidArgument("the catalog name '\(arguments.name)' must be non-empty and contain no '/'")
        }
        guard arguments.partitioning.threshold.value >= 1 else {
            throw LSDBError.invalidArgument("the partition threshold must be at least 1")
        }
        guard (0...13).contains(arguments.partitioning.highestOrder),
              (0...arguments.partitioning.highestOrder).contains(arguments.partitioning.lowestOrder) else {
            throw LSDBError.invalidArgument("orders must satisfy 0 ≤ lowest ≤ highest ≤ 13")
        }
        if case .bytes = arguments.partitioning.threshold {
            throw LSDBError.invalidArgument("lsdb import partitions by rows; a byte threshold is not supported")
        }
        self.arguments = arguments
        self.inputs = try ImportInput.expand(arguments.inputs)
        if let first = inputs.first(where: { $0.format == .csv }) {
            // Fix the CSV schema for every file from the first 4 MB of the first file (about
            // 30,000 rows); --column-type settles columns whose later rows disagree.
            let reader = try ImportChunks(first, csvTypes: nil, overrides: arguments.columnTypes,
                                          chunkBytes: min(arguments.chunkBytes, 4 << 20))
            _ = try reader.next()
            csvTypes = reader.csvTypes
        }
    }

    func report(_ stage: String, _ done: Int, _ total: Int, _ rows: Int) {
        arguments.progress?(ImportProgress(stage: stage, done: done, total: total, rows: rows,
                                           elapsedSeconds: Date().timeIntervalSince(start)))
    }

    func chunks(_ input: ImportInput, columns: [String]?) throws -> ImportChunks {
        try ImportChunks(input, columns: columns, csvTypes: csvTypes,
                         overrides: arguments.columnTypes, chunkBytes: arguments.chunkBytes)
    }

    /// Runs every stage, writing into `root` (the staging directory).
    func execute(in root: String) async throws -> ImportResult {
        let budget = MemoryBudget(limit: arguments.memoryBudget)
        let shards = ShardStore(root: HATSPaths.join(root, ".intermediate"), budget: budget)
        let cache = ChunkCache(budget: budget)
        let histogram = try await map(shards: shards, cache: cache)
        let alignment: Alignment
        do { alignment = try Alignment(rows: histogram, options: arguments.partitioning) } catch {
            throw LSDBError.invalidArgument("\(error.message); raise --max-rows or --highest-order")
        }
        guard alignment.rowCounts.reduce(0, +) > 0 else { throw LSDBError.invalidArgument("the input has no rows") }
        var rings: MarginRings?
        if let threshold = arguments.marginThreshold {
            do {
                let order = try MarginRings.marginOrder(thresholdArcsec: threshold, highestPartitionOrder: alignment.highestOrder)
                rings = MarginRings(partitions: alignment.partitions, marginOrder: order)
            } catch { throw LSDBError.invalidArgument(error.message) }
        }
        let asCollection = arguments.marginThreshold != nil
        let mainDirectory = asCollection ? HATSPaths.join(root, arguments.name) : root
        // The point map is the map pass's histogram: written while the split and reduce run.
        do { try FileManager.default.createDirectory(atPath: mainDirectory, withIntermediateDirectories: true) } catch {
            throw LSDBError.outputFailed(path: mainDirectory, "cannot create the catalog directory: \(error)")
        }
        let pointMap = Task.detached { try histogram.writePointMap(toCatalogDirectory: mainDirectory) }
        do { try await split(alignment: alignment, rings: rings, shards: shards, cache: cache) } catch {
            _ = try? await pointMap.value  // done with the staging directory before it is discarded
            throw error
        }

        var properties = TableProperties(catalogName: arguments.name, catalogType: .object)
        properties.raColumn = arguments.raColumn
        properties.decColumn = arguments.decColumn
        properties.maxRows = arguments.partitioning.threshold.value
        properties.skymapOrder = arguments.partitioning.highestOrder
        if !arguments.sortColumns.isEmpty { properties.extra["hats_cols_sort"] = arguments.sortColumns.joined(separator: " ") }
        let schema = try shards.schema()
        var parquet = ParquetWriteOptions.hats
        parquet.compressionLevel = arguments.compressionLevel
        let writer = try CatalogWriter(directory: mainDirectory, properties: properties, schema: schema,
                                       pointMapOrder: nil, parquetOptions: parquet)
        do {
            try await reduce(kind: "main", pixels: alignment.partitions, expected: alignment.rowCounts,
                             shards: shards, writer: writer, stage: "reducing")
        } catch {
            _ = try? await pointMap.value
            throw error
        }
        try await pointMap.value
        let written = try writer.finish()

        var marginProperties: TableProperties?
        if let rings, let threshold = arguments.marginThreshold {
            let marginName = CatalogImport.marginName(arguments.name, threshold: threshold)
            var properties = TableProperties(catalogName: marginName, catalogType: .margin)
            properties.raColumn = arguments.raColumn
            properties.decColumn = arguments.decColumn
            properties.primaryCatalog = arguments.name
            properties.marginThreshold = threshold
            let marginWriter = try CatalogWriter(directory: HATSPaths.join(root, marginName), properties: properties,
                                                 schema: schema, pointMapOrder: nil, parquetOptions: parquet)
            let targets = shards.nonEmpty(kind: "margin").map { rings.targets[$0] }
            try await reduce(kind: "margin", pixels: targets, expected: nil, shards: shards, writer: marginWriter,
                             stage: "margin", indexOf: { pixel in rings.targets.firstIndex(of: pixel)! })
            marginProperties = try marginWriter.finish()
            var collection = CollectionProperties(name: arguments.name, primaryCatalog: arguments.name)
            collection.allMargins = [marginName]
            collection.defaultMargin = marginName
            for (key, value) in Provenance.keys() { collection.extra[key] = value }
            try collection.write(toCollectionDirectory: root)
        }
        let spilled = shards.spilledCount
        shards.removeAll()
        return ImportResult(catalogPath: mainDirectory, properties: written, marginProperties: marginProperties,
                            spilledFiles: spilled)
    }
}
