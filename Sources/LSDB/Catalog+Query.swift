import Columnar

extension Catalog {
    /// Keeps the rows where a pandas-style query is true (LSDB's `query`), in the
    /// catalog and its margin, as in the seed notebook:
    ///
    ///     let dwarfs = try matched.query("nobs_g_ztf > 50 and parallax_gaia > 0 and 5380 < teff_gaia < 7220")
    ///
    /// The query is parsed and checked against the columns now; rows are filtered
    /// when partitions are computed, vectorised over whole columns. A comparison
    /// with null is null, and only rows where the result is true are kept.
    ///
    /// - Throws: `QueryError` for a malformed query, ``LSDBError/unknownColumn(_:available:)``
    ///   for a column the catalog does not have (listing the available ones).
    public func query(_ query: String) throws -> Catalog {
        try filter(try Expression(parsing: query))
    }

    /// Keeps the rows where a typed expression is true (see ``query(_:)``):
    ///
    ///     try catalog.filter(.column("parallax") > 0 && .column("teff") > 5380)
    public func filter(_ expression: Expression) throws -> Catalog {
        try check(expression, against: schema)
        if let margin { try check(expression, against: margin.schema) }
        return filter { table in try expression.mask(on: table) }
    }

    /// Checks names and types by evaluating on an empty table of the schema.
    func check(_ expression: Expression, against schema: Schema) throws {
        for name in expression.referencedColumns.sorted() where schema[name] == nil {
            throw LSDBError.unknownColumn(name, available: schema.names)
        }
        _ = try expression.mask(on: try Table(emptyWith: schema))
    }
}
