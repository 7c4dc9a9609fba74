/// Named columns of equal length: a schema, the columns and a row count, plus an optional index
/// column.
///
/// The index column (LSDB's `_healpix_29`) is an ordinary column of the table that is also marked
/// as the index: it is listed in ``schema`` and ``columns`` like any other, selected and renamed
/// like any other, and shown as the row labels by ``description``.
///
/// Tables are values over shared immutable buffers; the methods that "change" a table return a
/// new one and copy no column data.
public struct Table: Sendable {
    /// The fields, one per column, in order.
    public private(set) var schema: Schema
    /// The columns, in schema order.
    public private(set) var columns: [Column]
    /// The number of rows.
    public private(set) var rowCount: Int
    /// The name of the column marked as the index, if any.
    public private(set) var indexColumnName: String?

    /// Creates a table from a schema and matching columns.
    ///
    /// - Parameters:
    ///   - rowCount: The row count; needed only for a table without columns.
    ///   - indexColumnName: A column to mark as the index.
    /// - Throws: ``ColumnarError`` when the column count, a type or a length does not match, a
    ///   name repeats, or the index column does not exist.
    public init(schema: Schema, columns: [Column], rowCount: Int? = nil, indexColumnName: String? = nil) throws {
        guard schema.count == columns.count else {
            throw ColumnarError.lengthMismatch(expected: schema.count, actual: columns.count, context: "columns for schema")
        }
        let rows = rowCount ?? columns.first?.count ?? 0
        var seen = Set<String>()
        for (field, column) in zip(schema.fields, columns) {
            guard seen.insert(field.name).inserted else { throw ColumnarError.duplicateColumn(field.name) }
            guard field.type == column.type else {
                throw ColumnarError.typeMismatch(expected: field.type.description, actual: column.type.description,
                                                 context: "column '\(field.name)'")
            }
            guard column.count == rows else {
                throw ColumnarError.lengthMismatch(expected: rows, actual: column.count, context: "rows of column '\(field.name)'")
            }
        }
        if let indexColumnName, schema.firstIndex(of: indexColumnName) == nil {
            throw ColumnarError.unknownColumn(indexColumnName, available: schema.names)
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
        self.indexColumnName = indexColumnName
    }

    /// Creates a table from named columns (each field nullable, without metadata).
    ///
    ///     let table = try Table([("ra", Column([10.0, 20.0])), ("dec", Column([-5.0, 5.0]))])
    public init(_ columns: [(name: String, column: Column)], indexColumnName: String? = nil) throws {
        try self.init(schema: Schema(columns.map { Field($0.name, $0.column.type) }),
                      columns: columns.map(\.column), indexColumnName: indexColumnName)
    }

    /// Creates a table with no rows.
    public init(emptyWith schema: Schema, indexColumnName: String? = nil) throws {
        try self.init(schema: schema, columns: schema.fields.map { Column.empty($0.type) }, rowCount: 0,
                      indexColumnName: indexColumnName)
    }

    /// The column names, in order.
    public var columnNames: [String] { schema.names }

    /// The number of columns.
    public var columnCount: Int { columns.count }

    /// The position of the column called `name`.
    ///
    /// - Throws: ``ColumnarError/unknownColumn(_:available:)`` listing the available names.
    public func columnIndex(named name: String) throws -> Int {
        try schema.index(of: name)
    }

    /// The column called `name`.
    ///
    /// - Throws: ``ColumnarError/unknownColumn(_:available:)`` listing the available names.
    public func column(named name: String) throws -> Column {
        columns[try columnIndex(named: name)]
    }

    /// The column called `name`, or `nil`.
    public subscript(name: String) -> Column? {
        schema.firstIndex(of: name).map { columns[$0] }
    }

    /// The index column, if one is marked.
    public var indexColumn: Column? {
        indexColumnName.flatMap { self[$0] }
    }

    /// Returns the table with `name` marked as the index column (`nil` removes the mark).
    public func withIndexColumn(_ name: String?) throws -> Table {
        if let name { _ = try columnIndex(named: name) }
        var copy = self
        copy.indexColumnName = name
        return copy
    }

    /// Returns a table of the named columns, in the order given. The index mark is kept when the
    /// index column is among them.
    public func selecting(_ names: [String]) throws -> Table {
        let positions = try names.map { try columnIndex(named: $0) }
        let index = indexColumnName.flatMap { names.contains($0) ? $0 : nil }
        return try Table(schema: Schema(positions.map { schema.fields[$0] }, metadata: schema.metadata),
                         columns: positions.map { columns[$0] }, rowCount: rowCount, indexColumnName: index)
    }

    /// Returns the table without the named columns (and without the index mark if the index is
    /// dropped).
    public func removing(_ names: [String]) throws -> Table {
        for name in names { _ = try columnIndex(named: name) }
        return try selecting(columnNames.filter { !names.contains($0) })
    }

    /// Returns the table with `column` added as `name`, at `position` (default: last).
    ///
    /// - Throws: ``ColumnarError`` for a duplicate name or a length that differs from ``rowCount``
    ///   (any length is accepted for a table without columns).
    public func adding(_ column: Column, named name: String, at position: Int? = nil, nullable: Bool = true,
                       metadata: [String: String] = [:]) throws -> Table {
        guard schema.firstIndex(of: name) == nil else { throw ColumnarError.duplicateColumn(name) }
        let position = position ?? columns.count
        precondition(position >= 0 && position <= columns.count, "column position \(position) out of range")
        var fields = schema.fields
        var newColumns = columns
        fields.insert(Field(name, column.type, nullable: nullable, metadata: metadata), at: position)
        newColumns.insert(column, at: position)
        return try Table(schema: Schema(fields, metadata: schema.metadata), columns: newColumns,
                         rowCount: columns.isEmpty ? column.count : rowCount, indexColumnName: indexColumnName)
    }

    /// Returns the table with the column `name` replaced by `column` (the field keeps its name,
    /// takes the new type).
    public func replacing(_ name: String, with column: Column) throws -> Table {
        let position = try columnIndex(named: name)
        var fields = schema.fields
        var newColumns = columns
        fields[position].type = column.type
        newColumns[position] = column
        return try Table(schema: Schema(fields, metadata: schema.metadata), columns: newColumns,
                         rowCount: rowCount, indexColumnName: indexColumnName)
    }

    /// Returns the table with the column `name` renamed to `newName` (the index mark follows).
    public func renaming(_ name: String, to newName: String) throws -> Table {
        try renaming([name: newName])
    }

    /// Returns the table with columns renamed by `mapping` (old name → new name).
    public func renaming(_ mapping: [String: String]) throws -> Table {
        for name in mapping.keys { _ = try columnIndex(named: name) }
        let fields = schema.fields.map { field in mapping[field.name].map { field.renamed($0) } ?? field }
        let index = indexColumnName.map { mapping[$0] ?? $0 }
        return try Table(schema: Schema(fields, metadata: schema.metadata), columns: columns,
                         rowCount: rowCount, indexColumnName: index)
    }

    /// Returns the table with the index column moved to the front, as the CSV and Parquet outputs
    /// write it; unchanged when no index is marked.
    public func withIndexColumnFirst() -> Table {
        guard let name = indexColumnName, let position = schema.firstIndex(of: name), position != 0 else { return self }
        var order = Array(columns.indices)
        order.remove(at: position)
        order.insert(position, at: 0)
        return Table(unchecked: Schema(order.map { schema.fields[$0] }, metadata: schema.metadata),
                     columns: order.map { columns[$0] }, rowCount: rowCount, indexColumnName: name)
    }

    /// Returns the table with new schema-level metadata.
    public func withMetadata(_ metadata: [String: String]) -> Table {
        var copy = self
        copy.schema.metadata = metadata
        return copy
    }

    /// Builds a table from parts already known to agree.
    init(unchecked schema: Schema, columns: [Column], rowCount: Int, indexColumnName: String?) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
        self.indexColumnName = indexColumnName
    }
}
