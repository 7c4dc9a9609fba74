import Columnar
import HEALPix

extension Catalog {
    /// The catalog with only these columns, in this order (LSDB's `catalog[[…]]`).
    /// The RA, Dec and index columns are kept even when not named.
    ///
    /// - Throws: ``LSDBError/unknownColumn(_:available:)`` listing the available columns.
    public func select(_ columns: [String]) throws -> Catalog {
        var result = self
        for name in columns where schema[name] == nil {
            throw LSDBError.unknownColumn(name, available: schema.names)
        }
        var names = healpixColumn.map { schema[$0] != nil ? [$0] : [] } ?? []
        for name in columns + [raColumn, decColumn] where !names.contains(name) && schema[name] != nil {
            names.append(name)
        }
        result.schema = Schema(names.compactMap { schema[$0] }, metadata: schema.metadata)
        if plan.steps.allSatisfy(Self.needsOnlyPositions) {
            result.plan.readColumns = names
        } else {
            result.plan.steps.append(.select(names))
        }
        if let margin {
            result = result.withMargin(try margin.select(columns.filter { margin.schema[$0] != nil }))
        }
        return result
    }

    /// Applies a function to every partition, and to every margin partition
    /// (LSDB's `map_partitions`).
    ///
    /// - Parameters:
    ///   - schema: the schema of the function's output; when `nil` it is found by
    ///     calling the function on an empty partition (as Dask infers `meta`).
    ///   - function: the partition and its pixel in, a table out.
    public func mapPartitions(schema outputSchema: Schema? = nil,
                              _ function: @escaping @Sendable (Table, HealpixPixel) throws -> Table) throws -> Catalog {
        var result = self
        if let outputSchema {
            result.schema = outputSchema
        } else {
            let empty = try Table(emptyWith: schema, indexColumnName: healpixColumn.flatMap { schema[$0] != nil ? $0 : nil })
            result.schema = try function(empty, HealpixPixel(order: 0, index: 0)).schema
        }
        result.plan.steps.append(.map(function))
        result.totalRows = nil
        if let margin {
            result = result.withMargin(try margin.mapPartitions(schema: outputSchema, function))
        }
        return result
    }

    /// Keeps the rows where a vectorised predicate is true, in the catalog and
    /// its margin. The predicate gets a partition and returns one bit per row.
    public func filter(_ predicate: @escaping @Sendable (Table) throws -> Bitmap) -> Catalog {
        var result = self
        result.plan.steps.append(.rows(predicate))
        result.totalRows = nil
        if let margin { result = result.withMargin(margin.filter(predicate)) }
        return result
    }

    /// Steps that read no column beyond the position columns.
    static func needsOnlyPositions(_ step: PlanStep) -> Bool {
        if case .search = step { return true }
        return false
    }
}
