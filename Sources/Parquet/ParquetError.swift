/// An error raised while reading or writing a Parquet file.
///
/// Every case carries enough context (file, column, detail) to produce one clear line for a
/// user; `description` renders it.
public struct ParquetError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable {
        /// The file is shorter than its structure requires.
        case truncated
        /// The magic bytes are not `PAR1`.
        case badMagic
        /// The Thrift footer or a page header could not be decoded.
        case corruptMetadata
        /// A length or offset points outside the file or buffer.
        case outOfBounds
        /// Page data could not be decoded with its declared encoding.
        case corruptData
        /// A compression codec failed.
        case decompression
        /// A valid Parquet feature this implementation does not support (encryption, for one).
        case unsupported
        /// The caller asked for something the file does not have (an unknown column, for one).
        case invalidArgument
        /// An operating-system I/O call failed.
        case io
    }

    /// The broad category of the failure.
    public var kind: Kind
    /// What was wrong, in words.
    public var message: String
    /// The file involved, when known.
    public var file: String?
    /// The column path (dotted) involved, when known.
    public var column: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, file: String? = nil, column: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.column = column
    }

    /// Returns a copy with the file and column filled in where they were unknown.
    public func context(file: String? = nil, column: String? = nil) -> ParquetError {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.column == nil { copy.column = column }
        return copy
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let column { parts.append("column '\(column)'") }
        let prefix = parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
        return "\(prefix)\(message) (\(kind.rawValue))"
    }
}
