import Columnar

/// Random-access bytes a Parquet file is read from: a local file, memory, or (later) an HTTP
/// object fetched with range requests.
///
/// The reader asks for few, large ranges: the footer tail, then one range per column chunk (and
/// the page index when pruning), so a remote source maps each call to one request. Reads must be
/// safe to issue from several threads at once.
public protocol ByteSource: Sendable {
    /// The total number of bytes.
    var size: Int { get }

    /// Returns exactly the bytes in `range`.
    ///
    /// - Throws: `ParquetError` (`.outOfBounds` when the range is not inside `0..<size`, `.io` for
    ///   failed system calls).
    func read(_ range: Range<Int>) throws -> Buffer
}

extension ByteSource {
    /// Checks that `range` lies within the source.
    func checkRange(_ range: Range<Int>) throws {
        guard range.lowerBound >= 0, range.upperBound <= size else {
            throw ParquetError(.outOfBounds, "read of bytes \(range) past the end of a \(size)-byte file")
        }
    }
}

/// Bytes held in memory.
public struct MemorySource: ByteSource {
    /// The bytes.
    public let buffer: Buffer

    /// Wraps a buffer without copying.
    public init(_ buffer: Buffer) { self.buffer = buffer }

    /// Copies an array of bytes.
    public init(_ bytes: [UInt8]) { self.buffer = Buffer(bytes) }

    /// The number of bytes.
    public var size: Int { buffer.byteCount }

    /// Returns a view of the bytes in `range`, without copying.
    public func read(_ range: Range<Int>) throws -> Buffer {
        try checkRange(range)
        return buffer.slice(byteOffset: range.lowerBound, byteCount: range.count)
    }
}
