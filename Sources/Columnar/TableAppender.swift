/// Joins tables into one as they arrive: ``Table/concatenate(_:)`` without holding the
/// parts until the end.
///
/// Each appended table is copied into growing column buffers and can be released at once,
/// so joining a stream of partitions needs memory for the result plus one partition, and
/// the partitions' memory is reused by the next ones. Large buffers grow by remapping,
/// without copying (see ``BufferBuilder``).
///
///     var appender = TableAppender()
///     for try await part in parts { try appender.append(part) }
///     let whole = try appender.finish()
public struct TableAppender {
    private var schema: Schema?
    private var indexColumnName: String?
    private var columns: [ColumnAppender] = []
    /// The number of rows appended so far.
    public private(set) var rowCount = 0

    /// Creates an empty appender; the first table appended sets the columns.
    public init() {}

    /// Appends the rows of `table`.
    ///
    /// - Throws: ``ColumnarError/typeMismatch(expected:actual:context:)`` when its column names
    ///   or types differ from the first table's.
    public mutating func append(_ table: Table) throws {
        guard var schema else {
            self.schema = table.schema
            indexColumnName = table.indexColumnName
            columns = table.columns.map { ColumnAppender(type: $0.type) }
            try append(table)
            return
        }
        guard table.columnNames == schema.names else {
            throw ColumnarError.typeMismatch(
                expected: "columns [\(schema.names.joined(separator: ", "))]",
                actual: "[\(table.columnNames.joined(separator: ", "))]", context: "concatenate tables")
        }
        for (i, column) in table.columns.enumerated() {
            guard column.type == columns[i].type else {
                throw ColumnarError.typeMismatch(expected: columns[i].type.description, actual: column.type.description,
                                                 context: "concatenate column '\(schema.names[i])'")
            }
        }
        for i in schema.fields.indices where table.schema.fields[i].nullable { schema.fields[i].nullable = true }
        self.schema = schema
        for (i, column) in table.columns.enumerated() { columns[i].append(column) }
        rowCount += table.rowCount
    }

    /// The rows appended so far as one table with the first table's schema (a field nullable
    /// when it was in any table) and index mark; `nil` when nothing was appended.
    public func finish() throws -> Table? {
        guard let schema else { return nil }
        return Table(unchecked: schema, columns: try columns.map { try $0.finish() }, rowCount: rowCount,
                     indexColumnName: indexColumnName)
    }
}

/// One column of a ``TableAppender``.
private struct ColumnAppender {
    let type: DataType
    private var count = 0
    /// Created at the first null; every earlier value is valid.
    private var validity: BitmapBuilder?
    /// Fixed-width values, or the bytes of variable-width ones.
    private var bytes = BufferBuilder<UInt8>()
    private var offsets = BufferBuilder<Int64>()
    private var bits = BitmapBuilder()
    /// Nested columns, joined at the end.
    private var pieces: [Column] = []

    init(type: DataType) {
        self.type = type
        if case .variable = type.layout { offsets.append(0) }
    }

    mutating func append(_ column: Column) {
        guard column.count > 0 else { return }
        switch type.layout {
        case .list, .structure:
            pieces.append(column)
            count += column.count
            return
        case .bits:
            bits.append(column.bits)
        case .fixed(let width):
            bytes.reserveCapacity(bytes.count + column.count * width, mapped: true)
            bytes.populateNext(column.count * width)
            column.buffers[0].withUnsafeBufferPointer(as: UInt8.self) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<(column.count * width)]))
            }
        case .variable:
            appendVariable(column)
        }
        if let mask = column.validity {
            if validity == nil {
                var builder = BitmapBuilder(capacity: count + column.count)
                builder.append(repeating: true, count: count)
                validity = builder
            }
            validity!.append(mask)
        } else if validity != nil {
            validity!.append(repeating: true, count: column.count)
        }
        count += column.count
    }

    private mutating func appendVariable(_ column: Column) {
        let running = offsets.withUnsafeMutableBufferPointer { $0[$0.count - 1] }
        column.buffers[0].withUnsafeBufferPointer(as: Int64.self) { o in
            let base = o[0], n = column.count
            offsets.reserveCapacity(offsets.count + n, mapped: true)
            bytes.reserveCapacity(bytes.count + Int(o[n] - base), mapped: true)
            offsets.appendUninitialized(count: n) { out in
                for i in 0..<n { out[i] = running + o[i + 1] - base }
            }
            column.buffers[1].withUnsafeBufferPointer(as: UInt8.self) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(base)..<Int(o[n])]))
            }
        }
    }

    func finish() throws -> Column {
        switch type.layout {
        case .list, .structure:
            if pieces.isEmpty { return Column.empty(type) }
            return try Column.concatenate(pieces)
        case .bits:
            return Column(unchecked: type, count: count, validity: validity?.finish(), buffers: [bits.finish().buffer])
        case .fixed:
            return Column(unchecked: type, count: count, validity: validity?.finish(), buffers: [bytes.finish()])
        case .variable:
            return Column(unchecked: type, count: count, validity: validity?.finish(),
                          buffers: [offsets.finish(), bytes.finish()])
        }
    }
}
