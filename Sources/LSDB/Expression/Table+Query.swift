import Columnar

extension Table {
    /// The rows where `expression` is true (not false, not null), in order.
    ///
    /// - Throws: ``QueryError`` when the expression names an unknown column, mixes incompatible
    ///   types, fails arithmetically on a valid row, or is not boolean.
    public func filter(_ expression: Expression) throws -> Table {
        filter(try expression.mask(on: self))
    }

    /// The rows a pandas `DataFrame.query` string selects, in order.
    ///
    ///     let sunLike = try table.query("5380 < teff_gaia < 7220 and parallax_gaia > 0")
    ///
    /// - Throws: ``QueryError`` for a syntax error (with its offset) and the errors of
    ///   ``filter(_:)-(Expression)``.
    public func query(_ query: String) throws -> Table {
        try filter(Expression(parsing: query))
    }
}
