import Columnar
import Dispatch

/// Writes `Columnar` tables as a Parquet file, one or more row groups per `write(_:)` call.
///
///     let writer = try ParquetWriter(path: "Npix=11.parquet", schema: table.schema, options: .hats)
///     try writer.write(table)             // split into row groups of options.rowGroupSize rows
///     let footer = try writer.close()     // page index, footer, then the atomic rename
///
///     try ParquetWriter.write(table, to: "out.parquet", options: .pyarrowDefault)
///     let bytes = try ParquetWriter.serialize(table)      // in memory
///
/// Files are written atomically (see `AtomicFile`): nothing appears at `path` until `close()`
/// succeeds, and a writer released without `close()` leaves nothing behind.
///
/// Output: data pages v1 (levels RLE with a length prefix), column chunks with statistics
/// (`null_count`, `min_value`/`max_value`, the deprecated `min`/`max` only for signed orders; NaN
/// excluded; none for all-null chunks) and `column_orders`; optional page index; no `ARROW:schema`.
public final class ParquetWriter {
    /// The options in use.
    public let options: ParquetWriteOptions
    /// The table schema every written table must have.
    public let schema: Schema

    let layout: WriterSchema
    private let sink: Sink
    private var rowGroups: [RowGroup] = []
    private var columnIndexes: [[ColumnIndex?]] = []
    private var offsetIndexes: [[OffsetIndex]] = []
    private var rowCount: Int64 = 0
    private var closed = false

    /// Where bytes go: a file being written atomically, or memory.
    enum Sink {
        case file(AtomicFile)
        case memory(MemorySink)

        var position: Int {
            switch self {
            case .file(let file): file.bytesWritten
            case .memory(let memory): memory.bytes.count
            }
        }

        func write(_ bytes: [UInt8]) throws {
            switch self {
            case .file(let file): try file.write(bytes)
            case .memory(let memory): memory.bytes.append(contentsOf: bytes)
            }
        }
    }

    /// The bytes of an in-memory file.
    final class MemorySink {
        var bytes: [UInt8] = []
    }

    /// Starts a file at `path` for tables of `schema`.
    ///
    /// - Throws: `ParquetError(.unsupported)` for column types the writer cannot store (structs,
    ///   nested lists), `.io` when the temporary file cannot be created.
    public convenience init(path: String, schema: Schema, options: ParquetWriteOptions = .pyarrowDefault) throws {
        let layout = try WriterSchema(schema)
        try self.init(layout: layout, sink: .file(AtomicFile(path: path)), options: options)
    }

    /// Starts an in-memory file; `close()` finishes it and `bytes` returns it.
    public convenience init(schema: Schema, options: ParquetWriteOptions = .pyarrowDefault) throws {
        try self.init(layout: WriterSchema(schema), sink: .memory(MemorySink()), options: options)
    }

    private init(layout: WriterSchema, sink: Sink, options: ParquetWriteOptions) throws {
        self.layout = layout
        self.schema = layout.columnSchema
        self.sink = sink
        self.options = options
        try sink.write(Array("PAR1".utf8))
    }

    /// The bytes of an in-memory writer (complete after `close()`); empty for a file writer.
    public var bytes: [UInt8] {
        if case .memory(let memory) = sink { return memory.bytes }
        return []
    }

    /// Appends `table`'s rows as row groups of at most `options.rowGroupSize` rows.
    ///
    /// - Throws: `ParquetError(.invalidArgument)` when the table's column types differ from the
    ///   writer's schema or a non-nullable column holds nulls.
    public func write(_ table: Table) throws {
        guard !closed else { throw ParquetError(.invalidArgument, "write after close") }
        guard table.schema.fields.map(\.type) == schema.fields.map(\.type),
              table.schema.names == schema.names else {
            throw ParquetError(.invalidArgument, "table schema \(table.schema.fields) differs from the writer's \(schema.fields)")
        }
        let size = max(1, options.rowGroupSize)
        var start = 0
        while start < table.rowCount {
            let end = min(start + size, table.rowCount)
            try writeRowGroup(table.slice(start..<end))
            start = end
        }
    }

    private func writeRowGroup(_ table: Table) throws {
        var chunks: [ColumnChunk] = []
        var indexes: [ColumnIndex?] = []
        var offsets: [OffsetIndex] = []
        var uncompressed: Int64 = 0
        var compressed: Int64 = 0
        let groupStart = Int64(sink.position)
        for var chunk in try encodeLeaves(table) {
            chunk.place(at: Int64(sink.position))
            for piece in chunk.pieces { try sink.write(piece) }
            uncompressed += chunk.metaData.totalUncompressedSize
            compressed += chunk.metaData.totalCompressedSize
            chunks.append(ColumnChunk(fileOffset: 0, metaData: chunk.metaData))
            indexes.append(chunk.columnIndex)
            offsets.append(OffsetIndex(pageLocations: chunk.pageLocations,
                                       unencodedByteArrayDataBytes: chunk.pageUnencodedBytes))
        }
        rowGroups.append(RowGroup(
            columns: chunks, totalByteSize: uncompressed, numRows: Int64(table.rowCount),
            sortingColumns: sortingColumns(table), fileOffset: groupStart, totalCompressedSize: compressed,
            ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        columnIndexes.append(indexes)
        offsetIndexes.append(offsets)
        rowCount += Int64(table.rowCount)
    }

    /// Encodes every leaf of a row group, several at a time when `options.concurrency` allows.
    private func encodeLeaves(_ table: Table) throws -> [EncodedChunk] {
        let leaves = layout.leaves
        let options = self.options
        @Sendable func encode(_ leaf: WriterLeaf) -> Result<EncodedChunk, ParquetError> {
            do {
                let data = try LeafData(column: table.columns[leaf.columnIndex], leaf: leaf)
                return .success(try ColumnChunkEncoder(leaf: leaf, options: options, data: data).encode())
            } catch let error as ParquetError {
                return .failure(error.context(column: leaf.path.joined(separator: ".")))
            } catch {
                return .failure(ParquetError(.invalidArgument, "\(error)", column: leaf.path.joined(separator: ".")))
            }
        }
        let workers = min(max(1, options.concurrency ?? PageCompressor.processorCount), leaves.count)
        var results: [Result<EncodedChunk, ParquetError>]
        if workers <= 1 {
            results = leaves.map(encode)
        } else {
            results = [Result<EncodedChunk, ParquetError>](repeating: .failure(ParquetError(.io, "not encoded")),
                                                           count: leaves.count)
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = DisjointSlots(buffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var k = worker
                    while k < leaves.count {
                        slots[k] = encode(leaves[k])
                        k += workers
                    }
                }
            }
        }
        return try results.map { try $0.get() }
    }

    /// The declared sort columns that really are sorted in this row group.
    private func sortingColumns(_ table: Table) -> [SortingColumn]? {
        var result: [SortingColumn] = []
        for name in options.sortingColumnNames {
            guard let index = table.schema.firstIndex(of: name),
                  let leafIndex = layout.leaves.firstIndex(where: { $0.columnIndex == index }) else { continue }
            let column = table.columns[index]
            guard Self.isSortedAscending(column) else { break }
            result.append(SortingColumn(columnIndex: Int32(leafIndex), descending: false, nullsFirst: false))
        }
        return result.isEmpty ? nil : result
    }

    static func isSortedAscending(_ column: Column) -> Bool {
        func sorted<T: Comparable & BitwiseCopyable>(_: T.Type) -> Bool {
            column.withUnsafeBufferPointer(as: T.self) { v in
                v.count < 2 || (1..<v.count).allSatisfy { v[$0 - 1] <= v[$0] }
            }
        }
        if column.nullCount > 0 { return false }
        switch column.type {
        case .int64, .timestamp, .duration: return sorted(Int64.self)
        case .int32, .date32: return sorted(Int32.self)
        case .uint64: return sorted(UInt64.self)
        case .uint32: return sorted(UInt32.self)
        case .float64: return sorted(Double.self)
        case .float32: return sorted(Float.self)
        default: return true
        }
    }

    /// Writes the page index and the footer, then moves the file into place.
    ///
    /// A file that received no rows still gets one empty row group, as pyarrow writes.
    /// - Returns: the footer written.
    @discardableResult
    public func close() throws -> FileMetaData {
        guard !closed else { throw ParquetError(.invalidArgument, "close called twice") }
        if rowGroups.isEmpty {
            try writeRowGroup(Table(emptyWith: schema))
        }
        closed = true
        if options.writePageIndex {
            for (g, indexes) in columnIndexes.enumerated() {
                for (c, index) in indexes.enumerated() {
                    guard let index else { continue }
                    let bytes = ThriftCompactWriter.encode(index)
                    rowGroups[g].columns[c].columnIndexOffset = Int64(sink.position)
                    rowGroups[g].columns[c].columnIndexLength = Int32(bytes.count)
                    try sink.write(bytes)
                }
            }
            for (g, indexes) in offsetIndexes.enumerated() {
                for (c, index) in indexes.enumerated() {
                    let bytes = ThriftCompactWriter.encode(index)
                    rowGroups[g].columns[c].offsetIndexOffset = Int64(sink.position)
                    rowGroups[g].columns[c].offsetIndexLength = Int32(bytes.count)
                    try sink.write(bytes)
                }
            }
        }
        let metadata = FileMetaData(
            version: 2, schema: layout.elements, numRows: rowCount, rowGroups: rowGroups,
            keyValueMetadata: options.fileKeyValueMetadata(schema: schema),
            createdBy: options.createdBy,
            columnOrders: options.writeStatistics ? Array(repeating: .typeDefinedOrder, count: layout.leaves.count) : nil)
        try sink.write(ParquetMetadataFile.footer(metadata))
        if case .file(let file) = sink { try file.commit() }
        return metadata
    }

    /// Writes `table` to `path` in one call.
    @discardableResult
    public static func write(_ table: Table, to path: String, options: ParquetWriteOptions = .pyarrowDefault) throws -> FileMetaData {
        let writer = try ParquetWriter(path: path, schema: table.schema, options: options)
        try writer.write(table)
        return try writer.close()
    }

    /// Encodes `table` as Parquet file bytes.
    public static func serialize(_ table: Table, options: ParquetWriteOptions = .pyarrowDefault) throws -> [UInt8] {
        let writer = try ParquetWriter(schema: table.schema, options: options)
        try writer.write(table)
        try writer.close()
        return writer.bytes
    }
}
