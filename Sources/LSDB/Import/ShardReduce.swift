import Columnar
import HATS
import HEALPix

/// The reduce step shared by imports and margin generation: each target's shards,
/// concatenated, sorted by `_healpix_29` (then the sort columns) and written.
enum ShardReduce {
    static func run(kind: String, pixels: [HealpixPixel], expected: [Int64]?, shards: ShardStore, writer: CatalogWriter,
                    sortColumns: [String], concurrency: Int, indexOf: (@Sendable (HealpixPixel) -> Int)?,
                    report: @escaping @Sendable (Int, Int, Int) -> Void) async throws {
        let progress = Locked((parts: 0, rows: 0))
        let total = pixels.count
        let inner = max(1, concurrency / max(1, min(total, concurrency)))
        report(0, total, 0)
        try await parallelForEach(pixels.count, width: concurrency) { p in
            let pixel = pixels[p]
            let target = indexOf?(pixel) ?? p
            guard var table = try shards.read(kind: kind, target: target, concurrency: inner) else { return }
            if let expected, Int64(table.rowCount) != expected[p] {
                throw LSDBError.invalidArgument(
                    "partition \(pixel.order)/\(pixel.index): \(table.rowCount) rows where the histogram counted \(expected[p]); did an input change during the import?")
            }
            table = try PartitionSorting.sorted(table, by: LSDB.healpixColumn, then: sortColumns)
            try writer.write(table, pixel: pixel)
            shards.remove(kind: kind, target: target)
            let rows = table.rowCount
            let (done, all) = progress.withLock { s -> (Int, Int) in s.parts += 1; s.rows += rows; return (s.parts, s.rows) }
            report(done, total, all)
        }
    }
}
