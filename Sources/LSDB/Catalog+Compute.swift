import Columnar
import HEALPix

extension Catalog {
    /// The partitions computed one after another as they are needed, in
    /// breadth-first order, a bounded number in parallel (see ``PartitionStream``).
    public func partitionStream(options: ExecutionOptions = ExecutionOptions()) -> PartitionStream {
        PartitionStream(catalog: self, options: options)
    }

    /// Computes every partition in parallel and concatenates them in breadth-first
    /// order (LSDB's `compute()`). The result is indexed by `_healpix_29`.
    ///
    /// Each partition is appended to the result as it arrives and then released, so the
    /// memory used is the result's plus the partitions in flight.
    public func compute(options: ExecutionOptions = ExecutionOptions()) async throws -> Table {
        var appender = TableAppender()
        for try await (_, table) in partitionStream(options: options) {
            try appender.append(table)
        }
        guard let joined = try appender.finish() else {
            return try Self.concatenate([], emptySchema: schema, index: healpixColumn)
        }
        return try Self.concatenate([joined], emptySchema: schema, index: healpixColumn)
    }

    /// The first `n` rows, computing partitions in order only until there are
    /// enough (LSDB's `head`).
    public func head(_ n: Int = 5, options: ExecutionOptions = ExecutionOptions()) async throws -> Table {
        var sequential = options
        sequential.concurrency = 1
        var tables: [Table] = []
        var remaining = max(0, n)
        var stream = partitionStream(options: sequential).makeAsyncIterator()
        while remaining > 0, let (_, table) = try await stream.next() {
            guard table.rowCount > 0 else { continue }
            let part = table.head(remaining)
            tables.append(part)
            remaining -= part.rowCount
        }
        return try Self.concatenate(tables, emptySchema: schema, index: healpixColumn)
    }

    /// Joins partition tables, or an empty table of the schema when there are none.
    static func concatenate(_ tables: [Table], emptySchema: Schema, index: String?, concurrency: Int = 1) throws -> Table {
        if tables.isEmpty {
            let indexName = index.flatMap { emptySchema.firstIndex(of: $0) != nil ? $0 : nil }
            return try Table(emptyWith: emptySchema, indexColumnName: indexName)
        }
        let joined = tables.count == 1 ? tables[0] : try Table.concatenate(tables, concurrency: concurrency)
        if joined.indexColumnName == nil, let index, joined.schema.firstIndex(of: index) != nil {
            return try joined.withIndexColumn(index)
        }
        return joined
    }
}
