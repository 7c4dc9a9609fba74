import Columnar
import HATS
import HEALPix
import Parquet

/// Reads partitions of a HATS catalog on disk: `dataset/Norder=K/Dir=D/Npix=N.parquet`,
/// or the several files of an `Npix=N/` directory, with the index range pushed
/// into the Parquet read.
struct HATSPartitionSource: PartitionSource {
    let metadata: CatalogMetadata
    let schema: Schema
    /// The spatial index column, when the catalog has one.
    let healpixColumn: String?

    func read(_ pixel: HealpixPixel, columns: [String], pushdown: [Range<Int64>]?, exact: Bool,
              concurrency: Int) throws -> Table {
        let files: [String]
        do { files = try metadata.dataFiles(pixel) } catch {
            throw LSDBError.partitionFailed(pixel: "\(pixel.order)/\(pixel.index)", file: nil, underlying: error)
        }
        var filter: RangeFilter?
        if let pushdown, let healpixColumn, columns.contains(healpixColumn) {
            filter = RangeFilter(column: healpixColumn, ranges: pushdown)
        }
        var tables: [Table] = []
        for file in files {
            do {
                let reader = try ParquetFileReader(path: file, options: ReadOptions(concurrency: concurrency))
                tables.append(try reader.read(columns: columns, filter: filter))
            } catch {
                throw LSDBError.partitionFailed(pixel: "\(pixel.order)/\(pixel.index)", file: file, underlying: error)
            }
        }
        var table = try tables.count == 1 ? tables[0] : Table.concatenate(tables)
        if tables.isEmpty { table = try Table(emptyWith: Schema(columns.compactMap { schema[$0] })) }
        if exact, let filter {
            table = try Self.keepRows(of: table, column: filter.column, in: filter.ranges)
        }
        if let healpixColumn, table.schema.firstIndex(of: healpixColumn) != nil {
            table = try table.withIndexColumn(healpixColumn)
        }
        return table
    }

    func estimatedBytes(_ pixel: HealpixPixel) -> Int? { nil }

    /// The rows whose index value falls in one of the ranges.
    static func keepRows(of table: Table, column: String, in ranges: [Range<Int64>]) throws -> Table {
        let values = try table.column(named: column)
        guard values.type == .int64 || values.type == .uint64 else { return table }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        let mask = values.values(as: Int64.self).withUnsafeBufferPointer { v in
            Bitmap.evaluating(count: v.count) { i in
                let x = v[i]
                var lo = 0, hi = sorted.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if sorted[mid].lowerBound <= x { lo = mid + 1 } else { hi = mid }
                }
                return lo > 0 && sorted[lo - 1].contains(x)
            }
        }
        if mask.allSet { return table }
        return table.filter(values.validity.map { mask & $0 } ?? mask)
    }
}
