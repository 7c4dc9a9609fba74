/// A Swift type whose values are stored directly in a fixed-width column buffer.
///
/// `Double`, `Float` and the fixed-width integers conform; each names the column type it maps to
/// by default (`Int64` → `int64`). Other types with the same width (timestamps as `Int64`, dates
/// as `Int32`) are read and written through these Swift types too.
public protocol PrimitiveValue: BitwiseCopyable, Sendable, Hashable {
    /// The column type made from an array of this type.
    static var dataType: DataType { get }
}

extension Int8: PrimitiveValue {
    /// `int8`.
    public static var dataType: DataType { .int8 }
}

extension Int16: PrimitiveValue {
    /// `int16`.
    public static var dataType: DataType { .int16 }
}

extension Int32: PrimitiveValue {
    /// `int32`.
    public static var dataType: DataType { .int32 }
}

extension Int64: PrimitiveValue {
    /// `int64`.
    public static var dataType: DataType { .int64 }
}

extension Int: PrimitiveValue {
    /// `int64` (`Int` is 64 bits on every supported platform).
    public static var dataType: DataType { .int64 }
}

extension UInt8: PrimitiveValue {
    /// `uint8`.
    public static var dataType: DataType { .uint8 }
}

extension UInt16: PrimitiveValue {
    /// `uint16`.
    public static var dataType: DataType { .uint16 }
}

extension UInt32: PrimitiveValue {
    /// `uint32`.
    public static var dataType: DataType { .uint32 }
}

extension UInt64: PrimitiveValue {
    /// `uint64`.
    public static var dataType: DataType { .uint64 }
}

extension Float: PrimitiveValue {
    /// `float`.
    public static var dataType: DataType { .float32 }
}

extension Double: PrimitiveValue {
    /// `double`.
    public static var dataType: DataType { .float64 }
}
