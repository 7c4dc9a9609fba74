import Columnar
import HEALPix

/// Partitions held in memory: what `Catalog(table, …)` and in-memory margins read from.
///
/// Each partition is a table whose index column is `_healpix_29`; reads select
/// columns and apply the pushed-down index ranges, as the Parquet source does.
struct TablePartitionSource: PartitionSource {
    /// The partition tables, by pixel.
    let tables: [HealpixPixel: Table]
    /// The schema every partition has.
    let schema: Schema
    /// The index column.
    let healpixColumn: String

    func read(_ pixel: HealpixPixel, columns: [String], pushdown: [Range<Int64>]?, exact: Bool,
              concurrency: Int) throws -> Table {
        var table: Table
        if let stored = tables[pixel] {
            table = try stored.selecting(columns)
        } else {
            table = try Table(emptyWith: Schema(columns.compactMap { schema[$0] }))
        }
        if exact, let pushdown, columns.contains(healpixColumn) {
            table = try HATSPartitionSource.keepRows(of: table, column: healpixColumn, in: pushdown)
        }
        if table.schema.firstIndex(of: healpixColumn) != nil {
            table = try table.withIndexColumn(healpixColumn)
        }
        return table
    }

    func estimatedBytes(_ pixel: HealpixPixel) -> Int? { tables[pixel]?.byteCount }
}
