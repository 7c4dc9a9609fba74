import Columnar
import HATS
import HEALPix

/// The steps of building a catalog from a table in memory, shared by
/// `Catalog(table, …)` and its margin.
enum TableBuild {
    /// `_healpix_29` of every row, from RA/Dec in degrees.
    ///
    /// - Throws: ``LSDBError`` for an unknown or non-numeric column, or a null, NaN or
    ///   out-of-range coordinate, naming the column and the (0-based) row.
    static func healpix29(_ table: Table, ra: String, dec: String, file: String? = nil, firstRow: Int = 0) throws -> [Int64] {
        do {
            return try healpix29(table, ra: ra, dec: dec)
        } catch LSDBError.invalidArgument(let message) where file != nil || firstRow != 0 {
            // Re-number the row within the whole input and name the file.
            var text = message
            if let range = text.range(of: #"row (\d+)"#, options: .regularExpression),
               let row = Int(text[range].dropFirst(4)) {
                text.replaceSubrange(range, with: "row \(row + firstRow)")
            }
            throw LSDBError.invalidArgument((file.map { "\($0): " } ?? "") + text)
        }
    }

    static func healpix29(_ table: Table, ra: String, dec: String) throws -> [Int64] {
        let lon = try degrees(table, ra)
        let lat = try degrees(table, dec)
        var out = [Int64](repeating: 0, count: table.rowCount)
        let invalid = lon.withUnsafeBufferPointer { lo in
            lat.withUnsafeBufferPointer { la in
                out.withUnsafeMutableBufferPointer { Healpix.hash(order: 29, lon: lo, lat: la, into: $0) }
            }
        }
        if invalid > 0, let row = out.firstIndex(of: -1) {
            let column = lat[row].magnitude > 90 || lat[row].isNaN ? dec : ra
            throw LSDBError.invalidArgument(
                "column '\(column)', row \(row): position (\(lon[row]), \(lat[row])) is not a valid RA/Dec in degrees")
        }
        return out
    }

    /// A coordinate column as doubles, rejecting nulls and NaNs.
    static func degrees(_ table: Table, _ name: String) throws -> [Double] {
        guard let column = table[name] else { throw LSDBError.unknownColumn(name, available: table.columnNames) }
        let doubles: Column
        do { doubles = try column.cast(to: .float64) } catch {
            throw LSDBError.invalidArgument("column '\(name)' of type \(column.type) is not numeric: \(error)")
        }
        if let validity = doubles.validity, doubles.nullCount > 0 {
            let row = (0..<doubles.count).first { !validity[$0] } ?? 0
            throw LSDBError.invalidArgument("NaN values found in column '\(name)': row \(row) is null")
        }
        let values = Array(doubles.values(as: Double.self))
        if let row = values.firstIndex(where: { $0.isNaN }) {
            throw LSDBError.invalidArgument("NaN values found in column '\(name)': row \(row) is NaN")
        }
        return values
    }

    /// The table's in-memory bytes spread evenly over its rows.
    static func bytesPerRow(_ table: Table) -> Int64 {
        table.rowCount == 0 ? 0 : Int64((table.byteCount + table.rowCount - 1) / table.rowCount)
    }

    /// The partitions of rows with these indices.
    static func align(_ healpix: [Int64], bytesPerRow: Int64, options: PartitioningOptions) throws -> Alignment {
        var rows = PixelHistogram(order: options.highestOrder)
        healpix.withUnsafeBufferPointer { rows.add(index: $0) }
        var bytes: PixelHistogram?
        if case .bytes = options.threshold {
            bytes = try PixelHistogram(order: options.highestOrder, counts: rows.counts.map { $0 &* bytesPerRow })
        }
        return try Alignment(rows: rows, supplemental: bytes, options: options)
    }

    /// The row positions of each partition, in input order (a stable counting sort).
    static func group(_ healpix: [Int64], into alignment: Alignment) -> [[Int]] {
        var groups = alignment.rowCounts.map { count -> [Int] in
            var g: [Int] = []
            g.reserveCapacity(Int(count))
            return g
        }
        for (row, h) in healpix.enumerated() {
            if let p = alignment.partitionIndex(ofIndex29: h) { groups[p].append(row) }
        }
        return groups
    }

    /// The margin of a table built into `partitions` (LSDB's `MarginCatalogGenerator`):
    /// rows in the one-cell ring (at the threshold's margin order) of each partition and
    /// negative-tree pixel, sorted by `_healpix_29`; empty margin partitions dropped.
    static func margin(of table: Table, healpix: [Int64], partitions: [HealpixPixel], threshold: Double,
                       primary: Catalog) throws -> Catalog {
        guard threshold >= 0 else { throw LSDBError.invalidArgument("marginThreshold must be positive.") }
        var tables: [HealpixPixel: Table] = [:]
        var total = 0
        if threshold > 0, !partitions.isEmpty {
            let order = try MarginRings.marginOrder(thresholdArcsec: threshold,
                                                    highestPartitionOrder: partitions.map(\.order).max() ?? 0)
            let rings = MarginRings(partitions: partitions, marginOrder: order)
            var rowsOf = [[Int]](repeating: [], count: rings.targets.count)
            for (row, h) in healpix.enumerated() {
                rings.forEachTarget(ofIndex29: h) { rowsOf[$0].append(row) }
            }
            for (t, rows) in rowsOf.enumerated() where !rows.isEmpty {
                let sorted = rows.sorted { healpix[$0] != healpix[$1] ? healpix[$0] < healpix[$1] : $0 < $1 }
                tables[rings.targets[t]] = table.gather(sorted)
                total += rows.count
            }
        }
        let pixels = PartitionInfo.breadthFirst(Array(tables.keys))
        let source = TablePartitionSource(tables: tables, schema: table.schema, healpixColumn: LSDB.healpixColumn)
        var margin = Catalog(name: "\(primary.name)_\(threshold)arcs", catalogType: .margin,
                             raColumn: primary.raColumn, decColumn: primary.decColumn,
                             healpixColumn: LSDB.healpixColumn, healpixOrder: 29, schema: table.schema,
                             partitions: pixels, totalRows: total, coverage: .none, metadata: nil,
                             plan: Plan(source: source, readColumns: table.schema.names), margin: nil)
        margin.builtMarginThreshold = threshold
        return margin
    }
}
