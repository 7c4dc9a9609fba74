/// The resolution of a time value.
public enum TimeUnit: String, Hashable, Sendable, CaseIterable {
    /// Seconds.
    case second = "s"
    /// Milliseconds.
    case millisecond = "ms"
    /// Microseconds.
    case microsecond = "us"
    /// Nanoseconds.
    case nanosecond = "ns"

    /// How many of this unit make one second.
    public var perSecond: Int64 {
        switch self {
        case .second: 1
        case .millisecond: 1_000
        case .microsecond: 1_000_000
        case .nanosecond: 1_000_000_000
        }
    }
}

/// How the unscaled integer of a decimal column is stored.
public enum DecimalStorage: Hashable, Sendable {
    /// Native `Int32` values (Parquet `INT32` decimals).
    case int32
    /// Native `Int64` values (Parquet `INT64` decimals).
    case int64
    /// Big-endian two's-complement integers of a fixed byte width (Parquet `FIXED_LEN_BYTE_ARRAY`
    /// decimals, kept as stored).
    case bigEndian(byteWidth: Int)

    /// The bytes one value takes.
    public var byteWidth: Int {
        switch self {
        case .int32: 4
        case .int64: 8
        case .bigEndian(let width): width
        }
    }
}

/// The logical type of a column.
///
/// `description` is pyarrow's name for the type (`double`, `int64`, `string`, `timestamp[us]`,
/// `list<element: double>`…), which is what users see in schemas, CSV headers and errors.
///
/// Physical layout, by type:
/// - `bool`: one buffer of bits (LSB first, like validity).
/// - integers, floats, `date32`/`date64`, `time32`/`time64`, `timestamp`, `duration`, `decimal`,
///   `fixedSizeBinary`: one buffer of fixed-width values (``byteWidth``), native byte order except
///   for ``DecimalStorage/bigEndian(byteWidth:)``.
/// - `string`, `largeString`, `binary`, `largeBinary`: two buffers, `count + 1` **`Int64`** offsets
///   and the bytes. `string` and `largeString` (and the binaries) share this layout; they differ
///   only in the name shown, so a column read from Parquet displays as `string`, as pyarrow shows
///   it, and `large_string` appears only where a stored Arrow schema asks for it.
/// - `list`, `largeList`: one buffer of `count + 1` `Int64` offsets into one child column.
/// - `struct`: no buffers; one child column per field, each `count` long.
///
/// Offsets need not start at zero: a slice keeps the parent's offsets and bytes.
public indirect enum DataType: Hashable, Sendable {
    /// Booleans, bit-packed.
    case bool
    /// Signed 8-bit integers.
    case int8
    /// Signed 16-bit integers.
    case int16
    /// Signed 32-bit integers.
    case int32
    /// Signed 64-bit integers.
    case int64
    /// Unsigned 8-bit integers.
    case uint8
    /// Unsigned 16-bit integers.
    case uint16
    /// Unsigned 32-bit integers.
    case uint32
    /// Unsigned 64-bit integers.
    case uint64
    /// IEEE binary16 floating point (`halffloat`), stored as 2-byte bit patterns.
    ///
    /// Values can be shown and moved (filter, gather, slice, concatenate, Parquet),
    /// but `halffloat` is not numeric for ``Column/cast(to:)`` yet.
    case float16
    /// 32-bit floating point (`float`).
    case float32
    /// 64-bit floating point (`double`).
    case float64
    /// UTF-8 text with 64-bit offsets, shown as `string`.
    case string
    /// UTF-8 text with 64-bit offsets, shown as `large_string`.
    case largeString
    /// Bytes with 64-bit offsets, shown as `binary`.
    case binary
    /// Bytes with 64-bit offsets, shown as `large_binary`.
    case largeBinary
    /// Byte strings of one fixed width.
    case fixedSizeBinary(byteWidth: Int)
    /// Days since 1970-01-01, as `Int32`.
    case date32
    /// Milliseconds since 1970-01-01, as `Int64`.
    case date64
    /// Time of day as `Int32` (seconds or milliseconds).
    case time32(TimeUnit)
    /// Time of day as `Int64` (microseconds or nanoseconds).
    case time64(TimeUnit)
    /// Time since the Unix epoch as `Int64`, with an optional time zone (`nil`: naive time).
    case timestamp(TimeUnit, timezone: String?)
    /// A span of time as `Int64`.
    case duration(TimeUnit)
    /// Fixed-point numbers: an unscaled integer times 10^-scale, kept in its stored form.
    case decimal(precision: Int, scale: Int, storage: DecimalStorage)
    /// Variable-length lists of the field's type, with 64-bit offsets; shown as `list<…>`.
    case list(Field)
    /// The same layout as ``list(_:)``, shown as `large_list<…>`.
    case largeList(Field)
    /// Records of named fields, one child column per field.
    case `struct`([Field])

    /// A naive timestamp (no time zone).
    public static func timestamp(_ unit: TimeUnit) -> DataType { .timestamp(unit, timezone: nil) }

    /// A list whose element field is named `element` and is nullable, as Parquet's lists read.
    public static func list(of element: DataType, nullable: Bool = true) -> DataType {
        .list(Field("element", element, nullable: nullable))
    }
}

extension DataType {
    /// How a type's values are laid out in buffers.
    @usableFromInline
    enum Layout: Equatable {
        case bits
        case fixed(byteWidth: Int)
        case variable
        case list
        case structure
    }

    @usableFromInline
    var layout: Layout {
        switch self {
        case .bool: .bits
        case .string, .largeString, .binary, .largeBinary: .variable
        case .list, .largeList: .list
        case .struct: .structure
        default: .fixed(byteWidth: byteWidth!)
        }
    }

    /// The bytes one value takes, for fixed-width types; `nil` for `bool` and variable-length and
    /// nested types.
    public var byteWidth: Int? {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16, .float16: 2
        case .int32, .uint32, .float32, .date32, .time32: 4
        case .int64, .uint64, .float64, .date64, .time64, .timestamp, .duration: 8
        case .fixedSizeBinary(let width): width
        case .decimal(_, _, let storage): storage.byteWidth
        case .bool, .string, .largeString, .binary, .largeBinary, .list, .largeList, .struct: nil
        }
    }

    /// Whether this is a signed or unsigned integer type.
    public var isInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: true
        default: false
        }
    }

    /// Whether this is `float` or `double`.
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// Whether this is an integer or floating-point type.
    public var isNumeric: Bool { isInteger || isFloatingPoint }

    /// Whether values are UTF-8 text (`string`, `large_string`).
    public var isString: Bool { self == .string || self == .largeString }

    /// Whether values are variable-length bytes or text.
    public var isVariableLength: Bool { layout == .variable }

    /// The element field of a list type.
    public var listElement: Field? {
        switch self {
        case .list(let field), .largeList(let field): field
        default: nil
        }
    }

    /// The fields of a struct type.
    public var structFields: [Field]? {
        if case .struct(let fields) = self { return fields }
        return nil
    }
}

extension DataType: CustomStringConvertible {
    /// pyarrow's name for the type.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .float16: "halffloat"
        case .float32: "float"
        case .float64: "double"
        case .string: "string"
        case .largeString: "large_string"
        case .binary: "binary"
        case .largeBinary: "large_binary"
        case .fixedSizeBinary(let width): "fixed_size_binary[\(width)]"
        case .date32: "date32[day]"
        case .date64: "date64[ms]"
        case .time32(let unit): "time32[\(unit.rawValue)]"
        case .time64(let unit): "time64[\(unit.rawValue)]"
        case .timestamp(let unit, nil): "timestamp[\(unit.rawValue)]"
        case .timestamp(let unit, let zone?): "timestamp[\(unit.rawValue), tz=\(zone)]"
        case .duration(let unit): "duration[\(unit.rawValue)]"
        case .decimal(let precision, let scale, _):
            precision <= 38 ? "decimal128(\(precision), \(scale))" : "decimal256(\(precision), \(scale))"
        case .list(let field): "list<\(field)>"
        case .largeList(let field): "large_list<\(field)>"
        case .struct(let fields): "struct<\(fields.map(\.description).joined(separator: ", "))>"
        }
    }
}
