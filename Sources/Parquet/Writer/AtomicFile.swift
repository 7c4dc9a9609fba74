#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// A file written atomically: bytes go to a hidden temporary sibling, which `commit()` renames over
/// the destination. Until then, readers see the old file or none; after `abort()` (or if the
/// object is released uncommitted) the temporary file is removed.
///
///     let file = try AtomicFile(path: "out/table.parquet")
///     try file.write(bytes)
///     try file.commit()
///
/// Writes are buffered (1 MiB). Not thread-safe: one writer uses it at a time.
public final class AtomicFile {
    /// The destination path.
    public let path: String
    /// The temporary sibling being written.
    public let temporaryPath: String
    /// The number of bytes written so far (including buffered ones).
    public private(set) var bytesWritten: Int = 0

    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferCapacity = 1 << 20

    /// Creates the temporary sibling of `path` (its directory must exist).
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        temporaryPath = "\(directory).\(name).tmp-\(getpid())-\(suffix)"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ParquetError(.io, "cannot create \(temporaryPath): \(String(cString: strerror(errno)))", file: path)
        }
        buffer.reserveCapacity(bufferCapacity)
    }

    deinit {
        if descriptor >= 0 { abort() }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw ParquetError(.io, "write after commit or abort", file: path) }
        bytesWritten += bytes.count
        if buffer.count + bytes.count <= bufferCapacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= bufferCapacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes, optionally syncs to disk, closes, and renames the file into place.
    public func commit(sync: Bool = false) throws {
        guard descriptor >= 0 else { throw ParquetError(.io, "commit after commit or abort", file: path) }
        do {
            try flush()
            if sync && fsync(descriptor) != 0 { throw systemError("fsync") }
            let fd = descriptor
            descriptor = -1
            if close(fd) != 0 { throw systemError("close") }
            if rename(temporaryPath, path) != 0 { throw systemError("rename to \(path)") }
        } catch {
            abort()
            throw error
        }
    }

    /// Closes and removes the temporary file; the destination is untouched.
    public func abort() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let n = systemWrite(descriptor, pointer, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                throw systemError("write")
            }
            pointer += n
            remaining -= n
        }
    }

    private func systemError(_ what: String) -> ParquetError {
        ParquetError(.io, "\(what) failed: \(String(cString: strerror(errno)))", file: temporaryPath)
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(fd, bytes, count)
    #else
    Glibc.write(fd, bytes, count)
    #endif
}
