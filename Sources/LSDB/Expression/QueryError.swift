/// An error from parsing or evaluating a query expression.
///
/// `description` is one line for a user; syntax errors name the offset and the offending token.
public enum QueryError: Error, Sendable, Hashable {
    /// The query text is not a valid expression. `offset` counts Unicode scalars from the start
    /// of the query (0-based); `token` is the text found there (empty at the end of the input).
    case syntax(String, offset: Int, token: String)
    /// A column name that the table does not have; `available` lists the names it has.
    case unknownColumn(String, available: [String])
    /// A column whose type queries cannot use (`halffloat`, timestamps, lists…).
    case unsupportedColumnType(column: String, type: String)
    /// Operands whose types do not fit the operation, such as a string column compared with a
    /// number; the message names the operands.
    case typeMismatch(String)
    /// An arithmetic failure on a valid row: integer division by zero, overflow of `int64`, or an
    /// integer raised to a negative integer power.
    case arithmetic(String)
    /// The expression does not evaluate to booleans, so it cannot select rows.
    case notBoolean(String)
}

extension QueryError: CustomStringConvertible {
    /// One line for a user.
    public var description: String {
        switch self {
        case .syntax(let message, let offset, let token):
            let near = token.isEmpty ? "at the end of the query" : "at offset \(offset) ('\(token)')"
            return "query syntax error \(near): \(message)"
        case .unknownColumn(let name, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "unknown column '\(name)' in query; available columns: \(list)"
        case .unsupportedColumnType(let column, let type):
            return "column '\(column)' has type \(type), which queries do not support"
        case .typeMismatch(let message):
            return "query type error: \(message)"
        case .arithmetic(let message):
            return "query arithmetic error: \(message)"
        case .notBoolean(let message):
            return "query does not select rows: \(message)"
        }
    }
}
