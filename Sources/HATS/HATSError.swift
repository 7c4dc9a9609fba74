/// An error reading or writing HATS metadata.
///
/// Every error names the file involved (when there is one) and says what was
/// wrong in one line: the key and value of a bad property, the line of a bad
/// CSV row, the FITS keyword that could not be understood.
///
///     do { _ = try CatalogMetadata(path: "Samples/nowhere") }
///     catch let error as HATSError { print(error) }
///     // Samples/nowhere: no such file or directory
public struct HATSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, broadly; the ``message`` says it precisely.
    public enum Kind: String, Hashable, Sendable {
        /// A file or directory that should exist does not.
        case notFound
        /// A file could not be read or written.
        case io
        /// A properties file has a malformed or missing value.
        case invalidProperty
        /// `partition_info.csv` (or a data file path) is malformed.
        case invalidPartitionInfo
        /// A FITS point map or skymap is malformed or unsupported.
        case invalidFITS
        /// The path is not a HATS catalog, collection or properties file.
        case notACatalog
        /// A legacy hipscat catalog, which must be converted first.
        case legacyHipscat
        /// A valid HATS feature that this implementation does not support.
        case unsupported
        /// Partitioning or writing arguments are invalid, or the data cannot meet them
        /// (a histogram bin above the threshold, an existing output directory).
        case invalidArgument
    }

    /// The category of the error.
    public let kind: Kind
    /// The file or directory concerned, if any.
    public let path: String?
    /// A one-line explanation naming the offending key, line or value.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, path: String?, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `"<path>: <message>"`, or the message alone when no file is involved.
    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}

extension HATSError {
    /// A missing file or directory.
    static func notFound(_ path: String, _ what: String = "no such file or directory") -> HATSError {
        HATSError(.notFound, path: path, what)
    }

    /// A bad property value: names the key and quotes the value.
    static func property(_ path: String?, key: String, value: String, expected: String) -> HATSError {
        HATSError(.invalidProperty, path: path, "property \(key)=\(quoted(value)): expected \(expected)")
    }

    /// A required property that is absent.
    static func missingProperty(_ path: String?, key: String, reason: String) -> HATSError {
        HATSError(.invalidProperty, path: path, "missing required property \(key) (\(reason))")
    }

    /// Quotes a value for a message, showing blanks and control characters.
    static func quoted(_ value: String) -> String {
        var out = "'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "'": out += "\\'"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
