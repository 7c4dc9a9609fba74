/// An error raised by a catalog operation: a bad argument, an unknown column, a
/// search that covers no partition, or a failure while computing a partition.
///
/// Errors from the layers below (`HATSError`, `ParquetError`, `ColumnarError`,
/// `QueryError`) pass through unchanged, or wrapped in ``partitionFailed(pixel:file:underlying:)``
/// when they happened while computing one partition, so that the message names it.
public enum LSDBError: Error, Sendable, CustomStringConvertible {
    /// An argument is out of range or inconsistent (the message says which).
    case invalidArgument(String)
    /// A column was named that the catalog does not have.
    case unknownColumn(String, available: [String])
    /// A search kept no partition (LSDB: "The selected sky region has no coverage").
    case noCoverage(String)
    /// A partition failed while it was read or computed.
    case partitionFailed(pixel: String, file: String?, underlying: any Error)
    /// Writing an output failed.
    case outputFailed(path: String, String)

    /// One line for a user.
    public var description: String {
        switch self {
        case .invalidArgument(let message):
            return message
        case .unknownColumn(let name, let available):
            return "unknown column '\(name)'; available columns: \(available.joined(separator: ", "))"
        case .noCoverage(let what):
            return "The selected sky region has no coverage (\(what))"
        case .partitionFailed(let pixel, let file, let underlying):
            let location = file.map { " (\($0))" } ?? ""
            return "partition \(pixel)\(location): \(underlying)"
        case .outputFailed(let path, let message):
            return "\(path): \(message)"
        }
    }
}
