import Columnar
import Foundation
import HEALPix
import Parquet

/// Writes one HATS catalog directory, partition by partition: what hats-import
/// and lsdb's `write_catalog` leave on disk (spec §1).
///
/// Call ``write(_:pixel:)`` once per partition (empty tables are skipped), then
/// ``finish()``, which writes `dataset/_common_metadata`, `dataset/_metadata`,
/// `partition_info.csv` (breadth-first, non-empty pixels only), `point_map.fits` and
/// `skymap.fits` (object and source catalogs), and `properties` + `hats.properties`.
/// The directory is written in place: wrap it in a ``StagingDirectory`` to make the
/// whole output atomic. ``write(_:pixel:)`` may be called from several threads at once
/// (the files are encoded in parallel; the bookkeeping is locked).
public final class CatalogWriter: @unchecked Sendable {
    /// The catalog directory.
    public let directory: String
    /// The properties written at the end (counts, orders and provenance are filled in).
    public private(set) var properties: TableProperties
    /// The spatial index column.
    public let healpixColumn: String
    /// The order of the point map, or `nil` for none (margins).
    public let pointMapOrder: Int?
    /// The Parquet settings of the data files.
    public let parquetOptions: ParquetWriteOptions
    /// Whether rows are sorted by the index column before writing (they must already be when false).
    public let sortRows: Bool

    private let lock = NSLock()
    private var footers: [(pixel: HealpixPixel, path: String, metadata: FileMetaData)] = []
    private var rowCounts: [HealpixPixel: Int] = [:]
    private var histogram: PixelHistogram?
    private var schema: Schema?

    /// Prepares a catalog directory (created if needed).
    ///
    /// - Parameters:
    ///   - directory: where the catalog goes.
    ///   - properties: the name, type, columns and any extra keys; counts, orders,
    ///     `moc_sky_fraction`, the size and provenance are filled in by ``finish()``.
    ///   - schema: the columns of every partition, used when no partition is written.
    ///   - pointMapOrder: the order of `point_map.fits`; `nil` writes none.
    ///   - healpixColumn: the spatial index column (int64, order 29).
    ///   - parquetOptions: the data file settings (hats-import's by default).
    ///   - sortRows: sort rows by the index column within each partition.
    public init(directory: String, properties: TableProperties, schema: Schema, pointMapOrder: Int?,
                healpixColumn: String = "_healpix_29", parquetOptions: ParquetWriteOptions = .hats,
                sortRows: Bool = true) throws(HATSError) {
        self.directory = directory
        self.properties = properties
        self.healpixColumn = healpixColumn
        self.pointMapOrder = pointMapOrder
        self.parquetOptions = parquetOptions
        self.sortRows = sortRows
        self.histogram = pointMapOrder.map { PixelHistogram(order: $0) }
        if let position = schema.firstIndex(of: healpixColumn) {
            var fields = schema.fields
            fields.insert(fields.remove(at: position), at: 0)
            self.schema = Schema(fields, metadata: schema.metadata)
        } else {
            self.schema = schema
        }
        do {
            try FileManager.default.createDirectory(atPath: HATSPaths.join(directory, HATSPaths.datasetDirectory),
                                                    withIntermediateDirectories: true)
        } catch {
            throw HATSError(.io, path: directory, "cannot create the catalog directory: \(error.localizedDescription)")
        }
    }

    /// The rows written so far.
    public var totalRows: Int { lock.withLock { rowCounts.values.reduce(0, +) } }

    /// Writes one partition's data file (`dataset/Norder=K/Dir=D/Npix=N.parquet`), unless it is empty.
    ///
    /// - Throws: ``HATSError`` for a missing index column, a pixel written twice, a row
    ///   outside the pixel, or a write failure.
    public func write(_ table: Table, pixel: HealpixPixel) throws(HATSError) {
        guard table.rowCount > 0 else { return }
        guard lock.withLock({ rowCounts[pixel] == nil }) else {
            throw HATSError(.invalidArgument, path: directory, "partition \(pixel.order)/\(pixel.index) written twice")
        }
        let laid = sortRows ? try PartitionLayout.sortedByIndex(table, healpixColumn: healpixColumn)
                            : try table.withIndexColumnFirstChecked(healpixColumn)
        let index = laid.columns[0].values(as: Int64.self)
        let range = pixel.range29
        let path = HATSPaths.pixelFile(catalogRoot: directory, pixel: pixel)
        let isMargin = properties.catalogType == .margin  // margin rows lie outside their pixel
        let inside = index.withUnsafeBufferPointer { (values: UnsafeBufferPointer<Int64>) -> Bool in
            guard let first = values.first, let last = values.last else { return false }
            return isMargin || (range.contains(UInt64(bitPattern: first)) && range.contains(UInt64(bitPattern: last)))
        }
        guard inside else {
            throw HATSError(.invalidArgument, path: path, "rows fall outside partition \(pixel.order)/\(pixel.index)")
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let writer = try ParquetWriter(path: path, schema: laid.schema, options: parquetOptions)
            try writer.write(laid)
            let metadata = try writer.close()
            let relative = relativePath(pixel)
            lock.withLock {
                footers.append((pixel, relative, metadata))
                rowCounts[pixel] = laid.rowCount
                index.withUnsafeBufferPointer { histogram?.add(index: $0) }
                if schema == nil || schema?.names != laid.schema.names { schema = laid.schema }
            }
        } catch {
            throw HATSError(.io, path: path, "cannot write the partition: \(error)")
        }
    }

    /// Sets the properties' `hats_max_rows` (hats-import writes its threshold there).
    public func setMaxRows(_ value: Int?) { lock.withLock { properties.maxRows = value } }

    /// Writes the metadata files and the properties; returns the properties written.
    @discardableResult
    public func finish() throws(HATSError) -> TableProperties {
        lock.lock()
        defer { lock.unlock() }
        let pixels = PartitionInfo(pixels: Array(rowCounts.keys))
        let dataset = HATSPaths.join(directory, HATSPaths.datasetDirectory)
        do {
            let ordered = pixels.pixels.compactMap { p in footers.first { $0.pixel == p } }
            let common = try ordered.first.map { ParquetMetadataFile.common(from: $0.metadata) }
                ?? ParquetMetadataFile.common(schema: schema ?? Schema([]), options: parquetOptions)
            try ParquetMetadataFile.write(common, to: HATSPaths.join(dataset, HATSPaths.commonMetadataFile))
            let merged = ordered.isEmpty ? common : try ParquetMetadataFile.merged(ordered.map { ($0.path, $0.metadata) })
            try ParquetMetadataFile.write(merged, to: HATSPaths.join(dataset, HATSPaths.metadataFile))
        } catch {
            throw HATSError(.io, path: dataset, "cannot write the dataset metadata: \(error)")
        }
        try pixels.write(toCatalogDirectory: directory)
        if let histogram, properties.catalogType == .object || properties.catalogType == .source {
            try histogram.pointMap.write(toCatalogDirectory: directory)
            properties.skymapOrder = histogram.order
        }
        properties.totalRows = rowCounts.values.reduce(0, +)
        if properties.maxRows == nil, properties.catalogType != .margin { properties.maxRows = rowCounts.values.max() ?? 0 }
        properties.healpixColumn = properties.healpixColumn ?? healpixColumn
        properties.healpixOrder = properties.healpixOrder ?? 29
        let fraction = pixels.pixels.reduce(0.0) { $0 + 1 / Double(Healpix.pixelCount(order: $1.order)) }
        properties.mocSkyFraction = (fraction * 100_000).rounded() / 100_000
        properties.highestOrder = pixels.highestOrder ?? 0
        for (key, value) in Provenance.keys() { properties.extra[key] = value }
        properties.estimatedSizeKiB = Provenance.directorySizeKiB(directory)
        try properties.write(toCatalogDirectory: directory)
        return properties
    }

    /// `Norder=K/Dir=D/Npix=N.parquet`, relative to `dataset/`.
    private func relativePath(_ pixel: HealpixPixel) -> String {
        "Norder=\(pixel.order)/Dir=\(HATSPaths.directoryNumber(pixel.index))/Npix=\(pixel.index)\(properties.npixSuffix)"
    }
}

extension Table {
    /// The table with `name` first, marked as the index.
    fileprivate func withIndexColumnFirstChecked(_ name: String) throws(HATSError) -> Table {
        do { return try withIndexColumn(name).withIndexColumnFirst() } catch {
            throw HATSError(.invalidArgument, path: nil, "the table has no spatial index column '\(name)'")
        }
    }
}
