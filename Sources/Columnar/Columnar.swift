/// The in-memory columnar format: typed contiguous columns with validity, and `Table`.
///
/// Parquet decodes into it and everything above (filters, crossmatch gathers, CSV) computes on it,
/// as Arrow relates to Parquet in arrow-rs.
///
/// ## Main types
/// - ``Buffer``: immutable bytes over reference-counted storage, owned (64-byte aligned) or
///   foreign (a mapped file region kept alive by an owner object or a deallocator closure).
///   Copies and slices share storage.
/// - ``BufferBuilder``, ``BitmapBuilder``: growable, `@inlinable` appends; `finish()` freezes
///   without copying.
/// - ``Bitmap`` (alias ``BooleanMask``): LSB-first packed bits, for validity, `bool` values and
///   filter masks; `setBitCount`, `&`, `|`, `~`.
/// - ``DataType`` (its `description` is pyarrow's type name), ``Field``, ``Schema``.
/// - ``Column``: type, count, optional validity (`nil` = no nulls), buffers, children.
///   Strings, binaries and lists always use `Int64` offsets (`.string` shows as `string`;
///   `.largeString` is the same layout shown as `large_string`). Offsets need not start at 0.
/// - ``Table``: schema + columns + row count + an optional index column name (`_healpix_29`).
/// - ``Scalar``: one boxed value, for display and tests (not for hot loops).
/// - ``ColumnarError``: unknown column (listing the available names), type and length mismatches.
///
/// ## Creating a column without copying (decoders)
///
///     // All values at once:
///     let values = Buffer(unsafeUninitializedCapacity: n, of: Double.self) { out, count in
///         decode(into: out)           // write out[0..<n]
///         count = n
///     }
///     let column = try Column(type: .float64, values: values, validity: validity)
///
///     // Page by page:
///     var values = BufferBuilder<Int64>(capacity: rows)
///     var validity = BitmapBuilder(capacity: rows)
///     values.appendUninitialized(count: pageCount) { out in decode(into: out) }
///     validity.append(isDefined)      // @inlinable, per value
///     let column = try Column(type: .timestamp(.microsecond), values: values.finish(),
///                             validity: validity.finish())
///
///     // Strings: Int64 offsets (count + 1) and bytes.
///     let names = try Column(type: .string, offsets: offsets.finish(), values: bytes.finish())
///     // Lists: offsets into a child column. Structs: one child per field.
///     let lists = try Column(offsets: listOffsets.finish(), child: elements)
///     let point = try Column(structFields: fields, children: children, count: rows)
///
/// Memory-mapped data: `Buffer(unsafeNoCopyBytes: region, owner: mappedFile)` keeps `mappedFile`
/// alive while any column uses the region. Typed reads need aligned memory
/// (`buffer.isAligned(for: Double.self)`); copy unaligned regions.
///
/// ## Reading in hot loops
///
///     let ra = try table.column(named: "ra").values(as: Double.self)   // @inlinable view
///     column.withUnsafeBufferPointer(as: Double.self) { ... }
///     let names = column.strings; names.withBytes(at: i) { bytes in ... }   // no allocation
///     column.isValid(i), column.nullCount, column.validity
///
/// ## Kernels (Column and Table)
/// `filter(_: BooleanMask)`, `gather(_:allowingNullIndices:)` (negative index → null row, for
/// left joins), `slice(_:)` (zero-copy except unaligned bit buffers), `head`/`tail`,
/// `concatenate(_:)`. `Table.description` prints like pandas (see `Table+Description.swift`).
public enum Columnar {}

// The enum's name hides the module's, so `Columnar.Schema` would find nothing in the enum. These
// aliases make module-style qualification work (`Columnar.Schema`, `Columnar.Column`…), which
// code that has its own `Schema` or `Field` needs.
/// `Buffer` under a name the `Columnar` enum can refer to; use `Buffer`.
public typealias _ColumnarBuffer = Buffer
/// `Bitmap` under a name the `Columnar` enum can refer to; use `Bitmap`.
public typealias _ColumnarBitmap = Bitmap
/// `DataType` under a name the `Columnar` enum can refer to; use `DataType`.
public typealias _ColumnarDataType = DataType
/// `Field` under a name the `Columnar` enum can refer to; use `Field`.
public typealias _ColumnarField = Field
/// `Schema` under a name the `Columnar` enum can refer to; use `Schema`.
public typealias _ColumnarSchema = Schema
/// `Column` under a name the `Columnar` enum can refer to; use `Column`.
public typealias _ColumnarColumn = Column
/// `Table` under a name the `Columnar` enum can refer to; use `Table`.
public typealias _ColumnarTable = Table
/// `Scalar` under a name the `Columnar` enum can refer to; use `Scalar`.
public typealias _ColumnarScalar = Scalar
/// `ColumnarError` under a name the `Columnar` enum can refer to; use `ColumnarError`.
public typealias _ColumnarError = ColumnarError
/// `TimeUnit` under a name the `Columnar` enum can refer to; use `TimeUnit`.
public typealias _ColumnarTimeUnit = TimeUnit

extension Columnar {
    /// ``Buffer``, as `Columnar.Buffer`.
    public typealias Buffer = _ColumnarBuffer
    /// ``Bitmap``, as `Columnar.Bitmap`.
    public typealias Bitmap = _ColumnarBitmap
    /// ``DataType``, as `Columnar.DataType`.
    public typealias DataType = _ColumnarDataType
    /// ``Field``, as `Columnar.Field`.
    public typealias Field = _ColumnarField
    /// ``Schema``, as `Columnar.Schema`.
    public typealias Schema = _ColumnarSchema
    /// ``Column``, as `Columnar.Column`.
    public typealias Column = _ColumnarColumn
    /// ``Table``, as `Columnar.Table`.
    public typealias Table = _ColumnarTable
    /// ``Scalar``, as `Columnar.Scalar`.
    public typealias Scalar = _ColumnarScalar
    /// ``ColumnarError``, as `Columnar.ColumnarError`.
    public typealias ColumnarError = _ColumnarError
    /// ``TimeUnit``, as `Columnar.TimeUnit`.
    public typealias TimeUnit = _ColumnarTimeUnit
}
