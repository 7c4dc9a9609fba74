import Columnar
import Dispatch

extension ParquetFileReader {
    /// Reads columns of row groups into one table.
    ///
    /// - Parameters:
    ///   - columns: top-level column names to read, in the order wanted; `nil` reads all.
    ///   - rowGroups: the row groups to read, in order; `nil` reads all.
    ///   - filter: keep only row groups (and, with a page index, pages) whose values of one sorted
    ///     integer column may fall in the given ranges. Rows are not filtered one by one: the
    ///     result holds whole row groups, or, when the file has a page index, the rows of the
    ///     filter column's selected pages (every projected column is sliced to those same rows).
    /// - Returns: a table with the requested columns (the file's key/value metadata in its schema).
    /// - Throws: `ParquetError` naming the file and column.
    public func read(columns: [String]? = nil, rowGroups selected: [Int]? = nil, filter: RangeFilter? = nil) throws -> Table {
        let projection = try project(columns)
        let groups = selected ?? Array(rowGroups.indices)
        for g in groups where !rowGroups.indices.contains(g) {
            throw ParquetError(.invalidArgument, "row group \(g) does not exist (the file has \(rowGroups.count))", file: name)
        }
        var tables: [Table] = []
        for g in groups {
            var rowSelection: [Range<Int64>]?
            if let filter {
                guard let rows = try selectRows(rowGroup: g, filter: filter) else { continue }
                rowSelection = rows
            }
            tables.append(try readRowGroup(g, projection: projection, rows: rowSelection))
        }
        let schema = Columnar.Schema(projection.map { shapes[$0].field }, metadata: self.schema.columnarSchema.metadata)
        if tables.isEmpty { return try Table(emptyWith: schema) }
        if tables.count == 1 { return tables[0] }
        do { return try Self.joinRowGroups(tables) } catch {
            throw ParquetError(.corruptData, "row groups do not concatenate: \(error)", file: name)
        }
    }

    /// Reads columns of one row group.
    public func readRowGroup(_ index: Int, columns: [String]? = nil) throws -> Table {
        guard rowGroups.indices.contains(index) else {
            throw ParquetError(.invalidArgument, "row group \(index) does not exist (the file has \(rowGroups.count))", file: name)
        }
        return try readRowGroup(index, projection: try project(columns), rows: nil)
    }

    /// Maps column names to top-level field positions.
    func project(_ columns: [String]?) throws -> [Int] {
        guard let columns else { return Array(shapes.indices) }
        return try columns.map { wanted in
            guard let i = shapes.firstIndex(where: { $0.field.name == wanted }) else {
                throw ParquetError(.invalidArgument, "no column '\(wanted)' (columns: \(shapes.map(\.field.name).joined(separator: ", ")))",
                                   file: name, column: wanted)
            }
            return i
        }
    }

    /// Reads the projected fields of a row group, optionally keeping only the rows in `rows`.
    func readRowGroup(_ index: Int, projection: [Int], rows: [Range<Int64>]?) throws -> Table {
        let group = rowGroups[index]
        guard let rowCount = Int(exactly: group.numRows) else { throw ParquetError(.corruptMetadata, "bad row count", file: name) }
        var results = [Result<Column, any Error>?](repeating: nil, count: projection.count)
        let workers = Swift.min(options.concurrency, projection.count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = SendableBuffer(out)
            let work: @Sendable (Int) -> Void = { worker in
                var k = worker
                while k < projection.count {
                    slots.base[k] = Result { try self.readField(projection[k], group: group, rowCount: rowCount, rows: rows) }
                    k += workers
                }
            }
            if workers <= 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        }
        var columns: [Column] = []
        for (k, result) in results.enumerated() {
            switch result {
            case .success(let column)?: columns.append(column)
            case .failure(let error as ParquetError)?:
                throw error.context(file: name, column: shapes[projection[k]].field.name)
            case .failure(let error)?:
                throw ParquetError(.corruptData, "\(error)", file: name, column: shapes[projection[k]].field.name)
            case nil:
                throw ParquetError(.corruptData, "column was not decoded", file: name)
            }
        }
        let fields = projection.map { shapes[$0].field }
        let expectedRows = rows.map { $0.reduce(0) { $0 + Int($1.count) } } ?? rowCount
        do {
            return try Table(schema: Columnar.Schema(fields, metadata: schema.columnarSchema.metadata), columns: columns,
                             rowCount: expectedRows)
        } catch {
            throw ParquetError(.corruptData, "columns disagree: \(error)", file: name)
        }
    }

    /// Decodes one top-level field of a row group.
    func readField(_ fieldIndex: Int, group: RowGroup, rowCount: Int, rows: [Range<Int64>]?) throws -> Column {
        let shape = shapes[fieldIndex]
        var chunks: [Int: DecodedChunk] = [:]
        // Page-level pruning applies to single-leaf fields whose chunk has an offset index.
        if let rows, shape.leafRange.count == 1, options.usePageIndex,
           let plan = try pagePlan(leaf: shape.leafRange.lowerBound, group: group, rowCount: rowCount, rows: rows) {
            let leaf = shape.leafRange.lowerBound
            chunks[leaf] = try decodeLeaf(leaf, group: group, ranges: plan.byteRanges)
            let column = try ColumnAssembler(chunks: chunks).assembleTopLevel(shape, rows: plan.decodedRows)
            return try slice(column, segments: plan.segments, keep: rows)
        }
        for leaf in shape.leafRange {
            chunks[leaf] = try decodeLeaf(leaf, group: group, ranges: nil)
        }
        let column = try ColumnAssembler(chunks: chunks).assembleTopLevel(shape, rows: rowCount)
        guard let rows else { return column }
        return try slice(column, segments: [0..<Int64(rowCount)], keep: rows)
    }

    /// Reads and decodes one leaf's chunk, or only the given byte ranges of it (dictionary page
    /// and selected data pages).
    func decodeLeaf(_ leaf: Int, group: RowGroup, ranges: [Range<Int>]?) throws -> DecodedChunk {
        let descriptor = schema.leaves[leaf]
        let chunk = group.columns[leaf]
        do {
            if let path = chunk.filePath {
                throw ParquetError(.unsupported, "column chunk data is in another file ('\(path)'); open that file")
            }
            guard let meta = chunk.metaData else {
                throw ParquetError(.unsupported, "column chunk without metadata (encrypted column)")
            }
            var decoder = try ColumnChunkDecoder(metadata: meta, descriptor: descriptor, limits: options.limits)
            if descriptor.maxRepetitionLevel == 0, let rows = Int(exactly: group.numRows) { decoder.maxEntries = rows }
            if ranges == nil, let declared = Int(exactly: meta.numValues) {
                decoder.chunk.reserve(entries: Swift.min(declared, decoder.maxEntries, options.limits.maxValuesPerPage))
                if let total = meta.sizeStatistics?.unencodedByteArrayDataBytes, let bytes = Int(exactly: total) {
                    decoder.chunk.reserve(bytes: Swift.min(bytes, options.limits.maxPageSize))
                }
            }
            if let ranges {
                for range in ranges {
                    let bytes = try source.read(range)
                    _ = try bytes.withUnsafeBytes { try decoder.decodePages($0) }
                }
            } else if meta.totalCompressedSize == 0 {
                // No pages at all (pyarrow writes such chunks for 0-row tables).
            } else {
                guard let range = meta.byteRange, let lower = Int(exactly: range.lowerBound),
                      let upper = Int(exactly: range.upperBound), upper <= source.size else {
                    throw ParquetError(.outOfBounds, "column chunk bytes \(meta.byteRange.map { "\($0)" } ?? "?") lie outside the \(source.size)-byte file")
                }
                let stop = meta.numValues > 0 ? Int(exactly: meta.numValues) : nil
                if let file = source as? LocalFileSource, !file.isMapped {
                    try decoder.decodePages(from: file, range: lower..<upper, stopAfterEntries: stop)
                } else {
                    let bytes = try source.read(lower..<upper)
                    _ = try bytes.withUnsafeBytes { try decoder.decodePages($0, stopAfterEntries: stop) }
                }
            }
            return decoder.chunk
        } catch let error as ParquetError {
            throw error.context(file: name, column: descriptor.dottedPath)
        }
    }

    /// Keeps the rows of `keep` from a column holding the rows of `segments`, in order.
    func slice(_ column: Column, segments: [Range<Int64>], keep: [Range<Int64>]) throws -> Column {
        var pieces: [Column] = []
        var base: Int64 = 0
        for segment in segments {
            for wanted in keep {
                let lo = Swift.max(segment.lowerBound, wanted.lowerBound)
                let hi = Swift.min(segment.upperBound, wanted.upperBound)
                if lo < hi {
                    let start = Int(base + lo - segment.lowerBound)
                    let end = Int(base + hi - segment.lowerBound)
                    guard end <= column.count else { throw ParquetError(.corruptData, "page rows exceed the decoded rows") }
                    pieces.append(column.slice(start..<end))
                }
            }
            base += Int64(segment.count)
        }
        if pieces.count == 1 { return pieces[0] }
        if pieces.isEmpty { return column.slice(0..<0) }
        do { return try Column.concatenate(pieces) } catch {
            throw ParquetError(.corruptData, "cannot join row ranges: \(error)")
        }
    }
}

/// A buffer pointer handed to worker threads, each writing distinct elements.
struct SendableBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}
