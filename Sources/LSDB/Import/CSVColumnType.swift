import Columnar
import Foundation

/// The type of a CSV column: inferred from the first rows, or given (`--column-type name=type`).
public enum CSVColumnType: String, Sendable, Hashable, CaseIterable {
    /// 64-bit integers (pyarrow `int64`).
    case int64
    /// 64-bit floats (pyarrow `double`).
    case double
    /// Booleans: `true`/`false`, `True`/`False`, `TRUE`/`FALSE`.
    case bool
    /// Text (pyarrow `large_string`, as hats-import stores CSV strings).
    case string

    /// Parses a type name: pyarrow's (`int64`, `double`, `float64`, `bool`, `string`, `large_string`).
    public init?(name: String) {
        switch name.lowercased() {
        case "int64", "int", "long": self = .int64
        case "double", "float64", "float": self = .double
        case "bool", "boolean": self = .bool
        case "string", "large_string", "str", "utf8": self = .string
        default: return nil
        }
    }

    /// The column type in memory.
    public var dataType: DataType {
        switch self {
        case .int64: return .int64
        case .double: return .float64
        case .bool: return .bool
        case .string: return .largeString
        }
    }

    /// The narrowest type that holds a value (`nil` for an empty field).
    static func infer(_ field: UnsafeRawBufferPointer) -> CSVColumnType? {
        if field.isEmpty { return nil }
        if CSVParse.int64(field) != nil { return .int64 }
        if CSVParse.double(field) != nil { return .double }
        if CSVParse.bool(field) != nil { return .bool }
        return .string
    }

    /// The type holding values of both types.
    func widened(with other: CSVColumnType) -> CSVColumnType {
        if self == other { return self }
        if (self == .int64 && other == .double) || (self == .double && other == .int64) { return .double }
        return .string
    }
}
