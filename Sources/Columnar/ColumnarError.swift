/// An error from building or combining columns and tables.
public enum ColumnarError: Error, Sendable, Hashable {
    /// A column name that the table does not have; `available` lists the names it has.
    case unknownColumn(String, available: [String])
    /// A column name used twice where names must be unique.
    case duplicateColumn(String)
    /// A value of one type where another was required.
    case typeMismatch(expected: String, actual: String, context: String)
    /// A count that differs from the one required.
    case lengthMismatch(expected: Int, actual: Int, context: String)
    /// Buffers that do not describe a valid column of the stated type.
    case invalidLayout(String)
}

extension ColumnarError: CustomStringConvertible {
    /// One line for a user.
    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "unknown column '\(name)'; available columns: \(list)"
        case .duplicateColumn(let name):
            return "duplicate column name '\(name)'"
        case .typeMismatch(let expected, let actual, let context):
            return "\(context): expected type \(expected), got \(actual)"
        case .lengthMismatch(let expected, let actual, let context):
            return "\(context): expected length \(expected), got \(actual)"
        case .invalidLayout(let detail):
            return "invalid column layout: \(detail)"
        }
    }
}
