import Columnar
import HATS
import HEALPix

extension Catalog {
    /// Builds a catalog from a table in memory (LSDB's `from_dataframe`).
    ///
    /// `_healpix_29` is computed from RA/Dec, put first and marked as the index
    /// (an existing column of that name is replaced). Rows are partitioned with
    /// hats' rules (a histogram at `highestOrder`, the effective highest order
    /// lowered while everything fits, empty siblings dropped), and keep their input
    /// order within each partition, as in LSDB. The coverage is the MOC of the
    /// positions at `mocMaxOrder`. A margin of `marginThreshold` arcseconds is built
    /// as LSDB does (`nil`: no margin; `0`: an empty one).
    ///
    ///     let catalog = try Catalog(table, partitionRows: 500, marginThreshold: 10)
    ///     catalog.partitions         // breadth-first
    ///     catalog.margin?.partitions // partitions and negative-tree pixels with margin rows
    ///
    /// - Parameters:
    ///   - table: the rows; every other column is kept as it is.
    ///   - raColumn: the right ascension in degrees; detected as LSDB does when `nil`
    ///     (a column named `ra` anywhere, or an alias such as `coord_ra` among the first four).
    ///   - decColumn: the declination in degrees; detected likewise.
    ///   - lowestOrder: the coarsest partition order.
    ///   - highestOrder: the finest partition order (the histogram's).
    ///   - partitionRows: the most rows in a partition.
    ///   - partitionBytes: the most bytes in memory in a partition (the table's size
    ///     spread evenly over its rows); 1 GiB when neither limit is given.
    ///   - dropEmptySiblings: hats' `drop_empty_siblings`.
    ///   - marginThreshold: the margin width in arcseconds.
    ///   - catalogName: the catalog name; the margin is `<name>_<threshold>arcs`.
    ///   - catalogType: `.object` or `.source`.
    ///   - mocMaxOrder: the order of the coverage MOC.
    /// - Throws: ``LSDBError`` for an unknown or ambiguous RA/Dec column, a NaN, null or
    ///   out-of-range coordinate (naming the column and row), both limits given, or a
    ///   margin threshold too coarse for the partitions.
    public init(_ table: Table, raColumn: String? = nil, decColumn: String? = nil,
                lowestOrder: Int = 0, highestOrder: Int = 7,
                partitionRows: Int? = nil, partitionBytes: Int? = nil, dropEmptySiblings: Bool = true,
                marginThreshold: Double? = 5, catalogName: String = "from_lsdb_dataframe",
                catalogType: CatalogType = .object, mocMaxOrder: Int = 10) throws {
        guard partitionRows == nil || partitionBytes == nil else {
            throw LSDBError.invalidArgument("Specify only one: partitionRows or partitionBytes")
        }
        guard catalogType == .object || catalogType == .source else {
            throw LSDBError.invalidArgument("Cannot create \(catalogType) type catalog from a table")
        }
        guard (0...13).contains(highestOrder), (0...highestOrder).contains(lowestOrder) else {
            throw LSDBError.invalidArgument("orders must satisfy 0 ≤ lowestOrder (\(lowestOrder)) ≤ highestOrder (\(highestOrder)) ≤ 13")
        }
        let names = table.columnNames
        let ra = try raColumn ?? CoordinateColumns.find("ra", descriptiveName: "right ascension", in: names)
        let dec = try decColumn ?? CoordinateColumns.find("dec", descriptiveName: "declination", in: names)
        let healpix = try TableBuild.healpix29(table, ra: ra, dec: dec)
        var indexed = table
        if indexed.schema.firstIndex(of: LSDB.healpixColumn) != nil { indexed = try indexed.removing([LSDB.healpixColumn]) }
        indexed = try indexed.adding(Column(healpix), named: LSDB.healpixColumn, at: 0, nullable: true)
            .withIndexColumn(LSDB.healpixColumn)

        let threshold: PartitioningOptions.Threshold = partitionRows.map { .rows($0) } ?? .bytes(partitionBytes ?? 1 << 30)
        let options = PartitioningOptions(lowestOrder: lowestOrder, highestOrder: highestOrder,
                                          threshold: threshold, dropEmptySiblings: dropEmptySiblings)
        let alignment = try TableBuild.align(healpix, bytesPerRow: TableBuild.bytesPerRow(table), options: options)
        let groups = TableBuild.group(healpix, into: alignment)
        var tables: [HealpixPixel: Table] = [:]
        for (p, pixel) in alignment.partitions.enumerated() { tables[pixel] = indexed.gather(groups[p]) }

        let moc = healpix.withUnsafeBufferPointer { h in
            MOC(order: mocMaxOrder, indices: h.lazy.map { UInt64(bitPattern: $0) >> UInt64(2 * (29 - mocMaxOrder)) })
        }
        let source = TablePartitionSource(tables: tables, schema: indexed.schema, healpixColumn: LSDB.healpixColumn)
        self.init(name: catalogName, catalogType: catalogType, raColumn: ra, decColumn: dec,
                  healpixColumn: LSDB.healpixColumn, healpixOrder: 29, schema: indexed.schema,
                  partitions: alignment.partitions, totalRows: table.rowCount, coverage: .known(moc),
                  metadata: nil, plan: Plan(source: source, readColumns: indexed.schema.names), margin: nil)
        if let marginThreshold {
            let margin = try TableBuild.margin(of: indexed, healpix: healpix, partitions: alignment.partitions,
                                               threshold: marginThreshold, primary: self)
            self = withMargin(margin)
        }
    }
}
