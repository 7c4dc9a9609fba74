/// The in-memory columnar format: typed contiguous columns with validity, and `Table`.
///
/// Parquet decodes into it and everything above (filters, crossmatch gathers, CSV) computes on it,
/// as Arrow relates to Parquet in arrow-rs.
///
/// ## Main types
/// - ``Buffer``: immutable bytes over reference-counted storage, owned (64-byte aligned) or
///   foreign (a mapped file region kept alive by an owner object or a deallocator closure).
///   Copies and slices share storage. `Buffer([T])` copies an array once.
/// - ``BufferBuilder``, ``BitmapBuilder``: growable, `@inlinable` appends; `finish()` freezes
///   without copying (later appends copy-on-write, so a finished buffer never changes).
/// - ``Bitmap`` (alias ``BooleanMask``): LSB-first packed bits, for validity, `bool` values and
///   filter masks; `setBitCount`, `setIndices()`, `&`, `|`, `^`, `~`, `slice`, and the
///   `@inlinable` `Bitmap.evaluating(count:_:)` for comparison kernels. Bits past `count` in the
///   last byte are unspecified and ignored.
/// - ``DataType`` (its `description` is pyarrow's type name), ``Field``, ``Schema``.
/// - ``Column``: type, count, validity, nullCount, buffers, children; `Equatable` by content.
/// - ``Table``: schema + columns + row count + an optional index column name (`_healpix_29`, an
///   ordinary int64 column that is also marked as the index); `Equatable`.
/// - ``Scalar``: one boxed value (`column[i]`), for display and tests, not hot loops.
/// - ``ColumnarError``: unknown column (listing the available names), duplicate column, type and
///   length mismatches, invalid layout.
/// - `Columnar.Schema`, `Columnar.Column`… are aliases, for code that has its own `Schema`.
///
/// ## Layout decisions
/// - Validity `nil` means no nulls. Columns normalise an all-valid bitmap to `nil`, so
///   `validity != nil` implies `nullCount > 0`.
/// - `bool` values are bits. Fixed-width values are native-endian, except decimals stored
///   `.bigEndian(byteWidth:)` (Parquet FLBA decimals kept as stored).
/// - Strings, binaries and lists always use `Int64` offsets (`count + 1` of them). `.string` shows
///   as `string`, as pyarrow shows a Parquet string column; `.largeString` is the same layout shown
///   as `large_string` (only when a stored Arrow schema says so). Likewise binary and list.
/// - Offsets need not start at 0 (a slice keeps its parent's bytes or child rows); read through
///   `offsets`/`strings`/`listRange(at:)`, never assume `offsets[0] == 0`.
/// - A list's element field is named `element` by default (as Parquet lists read in pyarrow).
///   Parquet MAP columns are `list<…: struct<key, value>>`; there is no separate map type.
/// - 2-, 4- and 8-byte values must be aligned (the validating initialisers throw otherwise);
///   copy unaligned mapped regions.
/// - `slice` is zero-copy except for bit buffers cut at a row that is not a multiple of 8, which
///   are copied (one bit per row). `filter`, `gather` and `concatenate` allocate new buffers with
///   offsets starting at 0.
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
///     validity.append(isDefined)      // @inlinable, per value; append(repeating:count:) for runs
///     let column = try Column(type: .timestamp(.microsecond), values: values.finish(),
///                             validity: validity.finish())
///
///     // bool: Column(bits: Bitmap(count: n) { bytes in ... }, validity: validity)
///     // Strings: Int64 offsets (count + 1) and bytes.
///     let names = try Column(type: .string, offsets: offsets.finish(), values: bytes.finish())
///     // Lists: offsets into a child column. Structs: one child per field.
///     let lists = try Column(offsets: listOffsets.finish(), child: elements)
///     let point = try Column(structFields: fields, children: children, count: rows)
///
/// The throwing initialisers check the layout (lengths, alignment, offsets non-decreasing and in
/// bounds), so columns built from untrusted files cannot read out of bounds.
///
/// Memory-mapped data: `Buffer(unsafeNoCopyBytes: region, owner: mappedFile)` keeps `mappedFile`
/// alive while any column uses the region.
///
/// ## Reading in hot loops
///
///     let ra = try table.column(named: "ra").values(as: Double.self)   // @inlinable view
///     for i in ra.indices where column.isValid(i) { sum += ra[i] }
///     column.withUnsafeBufferPointer(as: Double.self) { values in ... }
///     let names = column.strings; names.withBytes(at: i) { bytes in ... }   // no allocation
///     let mask = Bitmap.evaluating(count: ra.count) { ra[$0] > 180 }
///
/// ## Kernels (Column and Table)
/// `filter(_: BooleanMask)` (word-at-a-time for fixed-width and bit columns),
/// `gather(_:allowingNullIndices:)` over `[Int]`, `[Int32]` or their unsafe buffers (a negative
/// index gives a null row, for left joins), `slice(_:)`, `head`/`tail`, `concatenate(_:)`;
/// on columns also `cast(to:)` between numeric types (checked like pyarrow's safe cast) and
/// `withValidity(_:)`.
/// `Table.description` prints like pandas (see ``Table/formatted(head:tail:maxCellWidth:)``).
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
