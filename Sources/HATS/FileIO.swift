import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file-system helpers that turn Foundation errors into ``HATSError``s.
enum FileIO {
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func readData(_ path: String, mapped: Bool = false) throws(HATSError) -> Data {
        guard exists(path) else { throw .notFound(path) }
        if mapped, let data = map(path) { return data }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HATSError(.io, path: path, "cannot read: \(error.localizedDescription)")
        }
    }

    /// The file mapped read-only into memory (pages are read when touched), or `nil`
    /// when it cannot be mapped (then callers read it).
    static func map(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in
            _ = munmap(pointer, count)
        })
    }

    static func readText(_ path: String) throws(HATSError) -> String {
        let data = try readData(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw HATSError(.io, path: path, "not valid UTF-8 text")
        }
        return text
    }

    /// Writes atomically (a temporary sibling, then a rename).
    static func writeData(_ data: Data, to path: String) throws(HATSError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw HATSError(.io, path: path, "cannot write: \(error.localizedDescription)")
        }
    }

    static func writeText(_ text: String, to path: String) throws(HATSError) {
        try writeData(Data(text.utf8), to: path)
    }

    /// The names in a directory, sorted; empty if it cannot be listed.
    static func contents(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
