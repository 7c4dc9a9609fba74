import Columnar
import HEALPix

extension Catalog {
    /// Computes one partition: reads it from the source and runs the plan's steps.
    ///
    /// - Parameters:
    ///   - pixel: one of ``partitions``.
    ///   - concurrency: the threads the read may use within the partition.
    public func computePartition(_ pixel: HealpixPixel, concurrency: Int = 1) throws -> Table {
        try computePartition(pixel, within: nil, concurrency: concurrency)
    }

    /// Computes the part of a partition inside a smaller pixel (a crossmatch's aligned
    /// pixel): the read is limited to that pixel's index range where the source allows,
    /// and rows outside it are dropped before the plan's steps run.
    func computePartition(_ pixel: HealpixPixel, within cell: HealpixPixel?, concurrency: Int) throws -> Table {
        var pushdown = plan.pushdown
        var cut: Range<Int64>?
        if let cell, cell.order > pixel.order, healpixColumn != nil, healpixOrder >= cell.order, healpixOrder <= 29 {
            let shift = UInt64(2 * (healpixOrder - cell.order))
            let range = Int64(cell.index << shift)..<Int64((cell.index + 1) << shift)
            cut = range
            pushdown = (pushdown ?? [range]).compactMap { r in
                let lo = Swift.max(r.lowerBound, range.lowerBound), hi = Swift.min(r.upperBound, range.upperBound)
                return lo < hi ? lo..<hi : nil
            }
        }
        var table = try plan.source.read(pixel, columns: plan.readColumns, pushdown: pushdown,
                                         exact: plan.exactPushdown, concurrency: concurrency)
        if let cut, let healpixColumn, table.schema.firstIndex(of: healpixColumn) != nil {
            table = try HATSPartitionSource.keepRows(of: table, column: healpixColumn, in: [cut])
        }
        let index = table.indexColumnName
        for step in plan.steps {
            switch step {
            case .search(let search, let ra, let dec):
                table = try Self.keepRows(of: table, inside: search, ra: ra, dec: dec)
            case .rows(let predicate):
                let mask = try predicate(table)
                if !mask.allSet { table = table.filter(mask) }
            case .select(let names):
                table = try table.selecting(names)
            case .map(let function):
                table = try function(table, pixel)
            }
        }
        if table.indexColumnName == nil, let index, table.schema.firstIndex(of: index) != nil {
            table = try table.withIndexColumn(index)
        }
        return table
    }

    /// The rows of a table inside a search region; rows with a null position are dropped.
    static func keepRows(of table: Table, inside search: any Search, ra: String, dec: String) throws -> Table {
        guard table.rowCount > 0 else { return table }
        let raColumn = try positionColumn(table, ra)
        let decColumn = try positionColumn(table, dec)
        var keep = [Bool](repeating: false, count: table.rowCount)
        raColumn.values(as: Double.self).withUnsafeBufferPointer { raValues in
            decColumn.values(as: Double.self).withUnsafeBufferPointer { decValues in
                keep.withUnsafeMutableBufferPointer { search.contains(ra: raValues, dec: decValues, into: $0) }
            }
        }
        var mask = Bitmap(keep)
        if let validity = raColumn.validity { mask = mask & validity }
        if let validity = decColumn.validity { mask = mask & validity }
        return mask.allSet ? table : table.filter(mask)
    }

    /// A position column as float64.
    static func positionColumn(_ table: Table, _ name: String) throws -> Column {
        let column = try table.column(named: name)
        switch column.type {
        case .float64: return column
        case .float32, .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64:
            return try column.cast(to: .float64)
        default:
            throw LSDBError.invalidArgument("position column '\(name)' has type \(column.type), not a number")
        }
    }
}
