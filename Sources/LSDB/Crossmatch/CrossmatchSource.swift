import Columnar
import HATS
import HEALPix

/// The partitions of a crossmatch result: for each aligned pixel, the left rows
/// inside it matched against the right partition and its margin.
struct CrossmatchSource: PartitionSource {
    let left: Catalog
    let right: Catalog
    let rightMargin: Catalog?
    let options: CrossmatchOptions
    let layout: CrossmatchLayout
    /// The left and right partitions of each aligned pixel.
    let mapping: [HealpixPixel: PixelAlignment.Entry]
    /// Recently used right sides.
    let cache = RecentCache<HealpixPixel, (Table, NeighbourIndex)>(capacity: 4)

    func read(_ pixel: HealpixPixel, columns: [String], pushdown: [Range<Int64>]?, exact: Bool,
              concurrency: Int) throws -> Table {
        guard let entry = mapping[pixel], let leftPixel = entry.left else { return try empty(columns) }
        let leftTable = try left.computePartition(leftPixel, within: pixel, concurrency: concurrency)
        guard leftTable.rowCount > 0 else { return try empty(columns) }
        let (rightTable, tree) = try rightSide(entry.right, concurrency: concurrency)
        let leftRA = try Catalog.positionColumn(leftTable, left.raColumn)
        let leftDec = try Catalog.positionColumn(leftTable, left.decColumn)
        let pairs = try Self.withPositions(leftRA, leftDec) { lra, ldec in
            NearestNeighbours.match(leftRA: lra, leftDec: ldec, index: tree, k: options.nNeighbors,
                                    radiusArcsec: options.radiusArcsec, minRadiusArcsec: options.minRadiusArcsec)
        }
        let table = try layout.assemble(left: leftTable, right: rightTable, pairs: pairs, how: options.how)
        return columns == table.columnNames ? table : try table.selecting(columns)
    }

    /// The right rows of a right pixel and their tree, built once and shared by the aligned
    /// pixels that need it (they come one after another in breadth-first order).
    func rightSide(_ pixel: HealpixPixel?, concurrency: Int) throws -> (Table, NeighbourIndex) {
        guard let pixel else { return (try Table(emptyWith: right.schema), NeighbourIndex.empty) }
        return try cache.value(for: pixel) {
            let table = try rightRows(pixel, concurrency: concurrency)
            let ra = try Catalog.positionColumn(table, right.raColumn)
            let dec = try Catalog.positionColumn(table, right.decColumn)
            let tree = try Self.withPositions(ra, dec) { NearestNeighbours.index(ra: $0, dec: $1, radiusArcsec: options.radiusArcsec) }
            return (table, tree)
        }
    }

    /// The right partition plus the margin partition of the same pixel (either may be absent).
    func rightRows(_ pixel: HealpixPixel?, concurrency: Int) throws -> Table {
        var parts: [Table] = []
        if let pixel {
            if right.partitions.contains(pixel) {
                parts.append(try right.computePartition(pixel, concurrency: concurrency))
            }
            if let rightMargin, rightMargin.partitions.contains(pixel) {
                let marginRows = try rightMargin.computePartition(pixel, concurrency: concurrency)
                parts.append(try marginRows.selecting(right.schema.names))
            }
        }
        if parts.isEmpty { return try Table(emptyWith: right.schema) }
        if parts.count == 1 { return parts[0] }
        return try Table.concatenate(parts.map { $0.withMetadata([:]) })
    }

    func empty(_ columns: [String]) throws -> Table {
        let table = try Table(emptyWith: layout.schema, indexColumnName: layout.leftIndex)
        return columns == table.columnNames ? table : try table.selecting(columns)
    }

    /// Calls `body` with a position column pair's values, nulls as NaN (they match nothing).
    static func withPositions<R>(_ ra: Column, _ dec: Column,
                                 _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) throws -> R) throws -> R {
        if !ra.hasNulls, !dec.hasNulls, ra.type == .float64, dec.type == .float64 {
            return try ra.withUnsafeBufferPointer(as: Double.self) { r in
                try dec.withUnsafeBufferPointer(as: Double.self) { d in try body(r, d) }
            }
        }
        let raValues = nullsAsNaN(ra), decValues = nullsAsNaN(dec)
        return try raValues.withUnsafeBufferPointer { r in try decValues.withUnsafeBufferPointer { d in try body(r, d) } }
    }

    static func nullsAsNaN(_ column: Column) -> [Double] {
        var values = Array(column.values(as: Double.self))
        if column.hasNulls {
            for i in 0..<column.count where column.isNull(i) { values[i] = .nan }
        }
        return values
    }
}
