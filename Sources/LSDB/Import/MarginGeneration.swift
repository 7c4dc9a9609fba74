import Columnar
import Foundation
import HATS
import HEALPix
import Parquet

extension CatalogImport {
    /// Builds the margin catalog of an existing HATS catalog (hats-import's margin cache
    /// pipeline): rows one margin-order cell outside each partition and negative-tree
    /// pixel, the margin order coming from the threshold with hats' 1.6 factor (spec §4).
    ///
    /// Each partition is read once; rows go to temporary shards per margin partition,
    /// which are then sorted by `_healpix_29` and written. The output appears atomically.
    ///
    ///     try await CatalogImport.generateMargin(of: "out/gaia", thresholdArcsec: 10,
    ///                                            output: "out/gaia_10arcs")
    ///
    /// - Parameters:
    ///   - catalogPath: the primary catalog (a catalog directory, not a collection).
    ///   - thresholdArcsec: the margin width.
    ///   - output: the margin catalog's directory.
    ///   - name: its name; `<primary name>_<threshold>arcs` by default.
    ///   - overwrite: replace an existing output.
    ///   - concurrency: partitions processed at once.
    /// - Returns: the margin's properties.
    /// - Throws: ``LSDBError`` for a threshold too coarse for the partitions, an existing
    ///   output, or a catalog that cannot be read.
    @discardableResult
    public static func generateMargin(of catalogPath: String, thresholdArcsec: Double, output: String,
                                      name: String? = nil, overwrite: Bool = false,
                                      concurrency: Int = ExecutionOptions.defaultConcurrency) async throws -> TableProperties {
        let metadata = try CatalogMetadata(path: catalogPath, margin: .none, readMOC: false)
        let pixels = metadata.partitions.pixels
        let rings: MarginRings
        do {
            let order = try MarginRings.marginOrder(thresholdArcsec: thresholdArcsec,
                                                    highestPartitionOrder: pixels.map(\.order).max() ?? 0)
            rings = MarginRings(partitions: pixels, marginOrder: order)
        } catch { throw LSDBError.invalidArgument(error.message) }
        let ra = metadata.properties.raColumn ?? "ra", dec = metadata.properties.decColumn ?? "dec"
        let healpix = metadata.properties.healpixColumn ?? LSDB.healpixColumn
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: output, overwrite: overwrite) } catch {
            throw LSDBError.outputFailed(path: output, error.message)
        }
        do {
            let shards = ShardStore(root: HATSPaths.join(staging.path, ".intermediate"),
                                    budget: MemoryBudget(limit: ImportArguments.defaultMemoryBudget))
            try await parallelForEach(pixels.count, width: concurrency) { p in
                for (f, file) in try metadata.dataFiles(pixels[p]).enumerated() {
                    var table = try ParquetFileReader(path: file, options: ReadOptions(concurrency: 1)).read()
                    let h: [Int64]
                    if let column = table[healpix], column.type == .int64 {
                        h = Array(column.values(as: Int64.self))
                        if healpix != LSDB.healpixColumn { table = try table.renaming(healpix, to: LSDB.healpixColumn) }
                    } else {
                        h = try TableBuild.healpix29(table, ra: ra, dec: dec, file: file)
                        table = try table.adding(Column(h), named: LSDB.healpixColumn, at: 0)
                    }
                    for (target, rows) in ImportRun.group(h, rings: rings) {
                        try shards.write(table.gather(rows), kind: "margin", target: target, file: p, chunk: f)
                    }
                }
            }
            let marginName = name ?? CatalogImport.marginName(metadata.name, threshold: thresholdArcsec)
            var properties = TableProperties(catalogName: marginName, catalogType: .margin)
            properties.raColumn = ra
            properties.decColumn = dec
            properties.primaryCatalog = catalogPath
            properties.marginThreshold = thresholdArcsec
            var schema = try metadata.loadSchema()
            if let written = try? shards.schema() { schema = written }
            let writer = try CatalogWriter(directory: staging.path, properties: properties, schema: schema, pointMapOrder: nil)
            let targets = shards.nonEmpty(kind: "margin").map { rings.targets[$0] }
            try await ShardReduce.run(kind: "margin", pixels: targets, expected: nil, shards: shards, writer: writer,
                                      sortColumns: [], concurrency: concurrency,
                                      indexOf: { pixel in rings.targets.firstIndex(of: pixel)! }, report: { _, _, _ in })
            shards.removeAll()
            let written = try writer.finish()
            try staging.commit()
            return written
        } catch {
            staging.discard()
            if let error = error as? HATSError { throw LSDBError.outputFailed(path: output, error.description) }
            throw error
        }
    }
}
