import Columnar
import Parquet

extension Catalog {
    /// Streams the result to a CSV file, partition by partition, in breadth-first
    /// order, without holding it in memory. The file appears only when complete.
    ///
    /// - Returns: the number of rows written.
    @discardableResult
    public func writeCSV(to path: String, options: ExecutionOptions = ExecutionOptions()) async throws -> Int {
        let writer = try CSVWriter(path: path)
        var rows = 0
        for try await (_, table) in partitionStream(options: options) {
            try writer.write(table)
            rows += table.rowCount
        }
        try writer.close(emptyHeader: orderedSchema.names)
        return rows
    }

    /// Streams the result to a single Parquet file (hats-import's layout, with the faster
    /// ZSTD level 3), with the index column first. The file appears only when complete.
    ///
    /// - Returns: the number of rows written.
    @discardableResult
    public func writeParquet(to path: String, options: ExecutionOptions = ExecutionOptions()) async throws -> Int {
        var writer: ParquetWriter?
        var rows = 0
        do {
            for try await (_, table) in partitionStream(options: options) {
                let ordered = table.withIndexColumnFirst()
                if writer == nil { writer = try ParquetWriter(path: path, schema: ordered.schema, options: .resultFile) }
                try writer?.write(ordered)
                rows += table.rowCount
            }
            if writer == nil { writer = try ParquetWriter(path: path, schema: orderedSchema, options: .resultFile) }
            _ = try writer?.close()
        } catch let error as ParquetError {
            throw LSDBError.outputFailed(path: path, "\(error)")
        }
        return rows
    }

    /// Writes to CSV or Parquet as the file name's extension says (`.csv`, `.parquet`, `.pq`).
    @discardableResult
    public func write(to path: String, options: ExecutionOptions = ExecutionOptions()) async throws -> Int {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return try await writeCSV(to: path, options: options) }
        if lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") { return try await writeParquet(to: path, options: options) }
        throw LSDBError.invalidArgument("\(path): the output must end in .csv or .parquet")
    }

    /// The schema with the index column first.
    var orderedSchema: Schema {
        guard let index = healpixColumn, let position = schema.firstIndex(of: index), position > 0 else { return schema }
        var fields = schema.fields
        fields.insert(fields.remove(at: position), at: 0)
        return Schema(fields, metadata: schema.metadata)
    }
}

extension Table {
    /// Writes the table to a CSV file (index column first), atomically.
    public func writeCSV(to path: String) throws {
        let writer = try CSVWriter(path: path)
        try writer.write(self)
        try writer.close()
    }
}

extension Table {
    /// Writes the table to a Parquet file (index column first, zstd), atomically.
    public func writeParquet(to path: String) throws {
        let ordered = withIndexColumnFirst()
        do {
            let writer = try ParquetWriter(path: path, schema: ordered.schema, options: .resultFile)
            try writer.write(ordered)
            _ = try writer.close()
        } catch {
            throw LSDBError.outputFailed(path: path, "\(error)")
        }
    }
}

extension ParquetWriteOptions {
    /// Single-file results (`--output FILE.parquet`): hats-import's encodings and page index,
    /// with ZSTD level 3 instead of 15, which compresses several times faster for files that
    /// are usually read once.
    public static let resultFile: ParquetWriteOptions = {
        var options = ParquetWriteOptions.hats
        options.compressionLevel = 3
        return options
    }()
}
