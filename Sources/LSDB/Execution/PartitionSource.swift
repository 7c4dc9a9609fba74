import Columnar
import HEALPix

/// Where a catalog's partitions come from: HATS files on disk, an in-memory
/// table, or another plan (a crossmatch reads two catalogs).
///
/// A source returns one partition as a table with the requested columns, in
/// the order requested, in file order. It is called from several tasks at once.
public protocol PartitionSource: Sendable {
    /// Reads one partition.
    ///
    /// - Parameters:
    ///   - pixel: the partition.
    ///   - columns: the columns wanted, in order.
    ///   - pushdown: `_healpix_29`-style ranges (at the index column's order)
    ///     that the rows may be limited to. With `exact`, rows outside them are
    ///     dropped (as pyarrow's `filters=` does); otherwise they only let the
    ///     reader skip row groups and pages.
    ///   - exact: whether `pushdown` filters rows exactly.
    ///   - concurrency: how many threads the read may use.
    func read(_ pixel: HealpixPixel, columns: [String], pushdown: [Range<Int64>]?, exact: Bool,
              concurrency: Int) throws -> Table

    /// A rough size of the partition in memory, for scheduling; `nil` when unknown.
    func estimatedBytes(_ pixel: HealpixPixel) -> Int?
}

extension PartitionSource {
    /// Unknown by default.
    public func estimatedBytes(_ pixel: HealpixPixel) -> Int? { nil }
}
