import Columnar
import HATS
import HEALPix
import Parquet

extension Catalog {
    /// Writes the result as a HATS catalog (LSDB's `write_catalog`), streaming it
    /// partition by partition without holding it in memory.
    ///
    /// With a margin and `asCollection` (the default, as in LSDB) the output is a
    /// collection: `path/collection.properties`, `path/<name>/` and
    /// `path/<name>_<int threshold>arcs/`. Otherwise `path` is the catalog. Data files
    /// put `_healpix_29` first and sort rows by it within each partition (as hats-import
    /// does; LSDB appends it last, unsorted). Empty partitions get no file.
    ///
    /// The output is written into a temporary sibling directory and renamed into place
    /// at the end, so a failure leaves no partial catalog.
    ///
    ///     let field = try Catalog.open("Samples/gaia").search(ConeSearch(ra: 95, dec: -25, radiusArcsec: 2520))
    ///     try await field.writeCatalog(to: "out/gaia_field")
    ///
    /// - Parameters:
    ///   - path: the output directory; it must not exist or be empty unless `overwrite` is set.
    ///   - name: the catalog name (`obs_collection`); the catalog's own name by default.
    ///   - overwrite: replace an existing output.
    ///   - asCollection: write a collection (even without a margin, as LSDB does).
    ///   - options: execution options (concurrency, memory limit, progress).
    /// - Returns: the main catalog's properties as written.
    /// - Throws: ``LSDBError/outputFailed(path:_:)`` for an existing output, an empty result
    ///   (as LSDB's `error_if_empty`), or a write failure; errors computing partitions pass through.
    @discardableResult
    public func writeCatalog(to path: String, name: String? = nil, overwrite: Bool = false,
                             asCollection: Bool = true,
                             options: ExecutionOptions = ExecutionOptions()) async throws -> TableProperties {
        let name = name ?? self.name
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: path, overwrite: overwrite) } catch {
            throw LSDBError.outputFailed(path: path, error.message)
        }
        do {
            let mainDirectory = asCollection ? HATSPaths.join(staging.path, name) : staging.path
            let written = try await writeHATS(to: mainDirectory, name: name, primary: nil, options: options)
            guard written.totalRows ?? 0 > 0 else {
                throw LSDBError.outputFailed(path: path, "the catalog is empty: nothing to write")
            }
            if asCollection {
                var collection = CollectionProperties(name: name, primaryCatalog: name)
                if let margin {
                    let threshold = margin.marginThreshold ?? 0
                    let marginName = "\(name)_\(Int(threshold))arcs"
                    _ = try await margin.writeHATS(to: HATSPaths.join(staging.path, marginName), name: marginName,
                                               primary: (name, threshold), options: options)
                    collection.allMargins = [marginName]
                    collection.defaultMargin = marginName
                }
                for (key, value) in Provenance.keys() { collection.extra[key] = value }
                collection.extra["hats_estsize"] = String(Provenance.directorySizeKiB(staging.path))
                try collection.write(toCollectionDirectory: staging.path)
            }
            try staging.commit()
            return written
        } catch let error as HATSError {
            staging.discard()
            throw LSDBError.outputFailed(path: path, error.description)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Writes this catalog (not its margin) into `directory`.
    func writeHATS(to directory: String, name: String, primary: (name: String, threshold: Double)?,
                   options: ExecutionOptions) async throws -> TableProperties {
        var properties = TableProperties(catalogName: name, catalogType: primary == nil ? catalogType : .margin)
        properties.raColumn = raColumn
        properties.decColumn = decColumn
        if let primary {
            properties.primaryCatalog = primary.name
            properties.marginThreshold = primary.threshold
        }
        if let defaults = metadata?.properties.defaultColumns, defaults.allSatisfy({ schema[$0] != nil }) {
            properties.defaultColumns = defaults
        }
        let index = healpixColumn ?? LSDB.healpixColumn
        let pointMapOrder: Int? = properties.catalogType == .margin ? nil
            : metadata?.properties.skymapOrder ?? max(highestOrder, 8)
        let writer = try CatalogWriter(directory: directory, properties: properties, schema: schema,
                                       pointMapOrder: pointMapOrder, healpixColumn: index)
        for try await (pixel, table) in partitionStream(options: options) {
            if table.rowCount > 0, table[index] == nil {
                // A result without the index column (selected away): compute it again from RA/Dec.
                let healpix = try TableBuild.healpix29(table, ra: raColumn, dec: decColumn)
                try writer.write(try table.adding(Column(healpix), named: index, at: 0), pixel: pixel)
            } else {
                try writer.write(table, pixel: pixel)
            }
        }
        return try writer.finish()
    }
}
