#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Columnar

/// A local file read with `pread`, or mapped into memory with `mmap`.
///
/// With `mapped: true`, reads return views of the mapping without copying; the mapping lives as
/// long as any returned buffer. Otherwise every read is one `pread` into a fresh buffer, which is
/// also the access pattern a remote range source has.
public final class LocalFileSource: ByteSource, @unchecked Sendable {
    /// The path the file was opened from.
    public let path: String
    /// The file size in bytes.
    public let size: Int
    private let descriptor: Int32
    private let mapping: UnsafeRawBufferPointer?

    /// Opens a file.
    ///
    /// - Parameters:
    ///   - path: the file path.
    ///   - mapped: map the whole file instead of reading ranges with `pread`.
    /// - Throws: `ParquetError` `.io` naming the file when it cannot be opened, sized or mapped.
    public init(path: String, mapped: Bool = false) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ParquetError(.io, "cannot open: \(String(cString: strerror(errno)))", file: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ParquetError(.io, "cannot stat: \(message)", file: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ParquetError(.io, "not a regular file", file: path)
        }
        descriptor = fd
        size = Int(info.st_size)
        if mapped && size > 0 {
            guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw ParquetError(.io, "cannot map: \(message)", file: path)
            }
            mapping = UnsafeRawBufferPointer(start: base, count: size)
        } else {
            mapping = nil
        }
    }

    deinit {
        if let mapping, let base = mapping.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), mapping.count)
        }
        close(descriptor)
    }

    /// Whether reads are views of a memory mapping (no copy) rather than `pread` copies.
    public var isMapped: Bool { mapping != nil }

    /// Copies the bytes in `range` into `destination`, which holds at least `range.count` bytes,
    /// so that a caller can reuse one buffer across reads.
    ///
    /// - Throws: `ParquetError` (`.outOfBounds` when the range is not inside the file or does not
    ///   fit `destination`, `.io` for failed reads, `.truncated` when the file shrank).
    public func read(_ range: Range<Int>, into destination: UnsafeMutableRawBufferPointer) throws {
        do { try checkRange(range) } catch let error as ParquetError { throw error.context(file: path) }
        guard range.count <= destination.count else {
            throw ParquetError(.outOfBounds, "read of \(range.count) bytes into a \(destination.count)-byte buffer", file: path)
        }
        if let mapping {
            if range.count > 0 { destination.baseAddress!.copyMemory(from: mapping.baseAddress! + range.lowerBound, byteCount: range.count) }
            return
        }
        try preadFully(range, into: destination.baseAddress)
    }

    private func preadFully(_ range: Range<Int>, into out: UnsafeMutableRawPointer?) throws {
        var done = 0
        while done < range.count {
            let n = pread(descriptor, out! + done, range.count - done, off_t(range.lowerBound + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ParquetError(.io, "read failed: \(String(cString: strerror(errno)))", file: path)
            }
            if n == 0 { throw ParquetError(.truncated, "file shrank while reading", file: path) }
            done += n
        }
    }

    /// Returns the bytes in `range`: a view of the mapping, or a fresh buffer filled by `pread`.
    public func read(_ range: Range<Int>) throws -> Buffer {
        do { try checkRange(range) } catch let error as ParquetError { throw error.context(file: path) }
        if let mapping {
            return Buffer(unsafeNoCopyBytes: UnsafeRawBufferPointer(rebasing: mapping[range]), owner: self)
        }
        return try Buffer(unsafeUninitializedCapacity: range.count, of: UInt8.self) { out, initialized in
            try preadFully(range, into: out.baseAddress.map(UnsafeMutableRawPointer.init))
            initialized = range.count
        }
    }
}
