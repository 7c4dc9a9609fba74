import Columnar
import Foundation

/// Reads a CSV file (a header row, then comma-separated records; RFC 4180 quoting,
/// including newlines inside quotes) as tables of about `chunkBytes` bytes each.
///
/// Column types are given, or inferred from the first chunk (int64, then double, then
/// bool, else string); an empty field is null. Memory stays bounded by the chunk size.
final class CSVChunkReader {
    /// The file.
    let path: String
    /// The column names of the header.
    private(set) var header: [String] = []
    /// The column types, once known.
    private(set) var types: [CSVColumnType] = []
    private let handle: FileHandle
    private let chunkBytes: Int
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var endOfFile = false
    /// The most fields a record may have.
    static let maxFields = 4096
    // Field bounds of the record being scanned. Raw buffers, not arrays: array properties of a
    // class would pay a dynamic exclusivity check on every access in the scanning loop.
    private let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: CSVChunkReader.maxFields)
    private let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: CSVChunkReader.maxFields)
    private let fieldFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVChunkReader.maxFields)  // 1: quoted, 2: doubled quotes

    /// Opens a file and reads its header.
    ///
    /// - Parameters:
    ///   - types: every column's type by name (the schema of an earlier file), or `nil` to infer.
    ///   - overrides: types that win over inference.
    init(path: String, chunkBytes: Int = 16 << 20, types known: [String: CSVColumnType]? = nil,
         overrides: [String: CSVColumnType] = [:]) throws {
        self.path = path
        self.chunkBytes = max(chunkBytes, 1 << 16)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LSDBError.invalidArgument("\(path): cannot open the file")
        }
        self.handle = handle
        guard let headerRecord = try readHeader() else {
            throw LSDBError.invalidArgument("\(path): empty file, expected a header row")
        }
        header = headerRecord
        if let known {
            types = try header.map { name in
                guard let t = overrides[name] ?? known[name] else {
                    throw LSDBError.invalidArgument("\(path):1: column '\(name)' is not in the first input's columns")
                }
                return t
            }
        }
        self.overrides = overrides
    }

    private var overrides: [String: CSVColumnType] = [:]
    /// The columns built into tables (`nil`: all); the others are scanned but not parsed.
    var selectedColumns: Set<String>?

    deinit {
        try? handle.close()
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        fieldFlags.deallocate()
    }

    /// The next chunk of rows, or `nil` at the end of the file.
    ///
    /// - Throws: ``LSDBError`` naming the file, line and column of a field that does not
    ///   parse or a record with the wrong number of fields.
    func next() throws -> Table? {
        while !endOfFile && carry.count < chunkBytes { try fill() }
        guard !carry.isEmpty else { return nil }
        let cut = endOfFile ? carry.count : lastRecordEnd()
        guard cut > 0 else { return nil }
        let table = try carry.withUnsafeBytes { all in try parse(UnsafeRawBufferPointer(rebasing: all[0..<cut])) }
        carry.removeSubrange(0..<cut)
        return table
    }

    private func fill() throws {
        let data = handle.readData(ofLength: chunkBytes)
        if data.isEmpty {
            endOfFile = true
            if let last = carry.last, last != UInt8(ascii: "\n") { carry.append(UInt8(ascii: "\n")) }
        } else {
            carry.append(contentsOf: data)
        }
    }

    /// The end of the last complete record in `carry` (after its newline), quote-aware.
    private func lastRecordEnd() -> Int {
        var inQuotes = false, end = 0
        carry.withUnsafeBufferPointer { b in
            // Without quotes, the last newline ends the last record.
            if memchr(b.baseAddress!, Int32(UInt8(ascii: "\"")), b.count) == nil {
                var i = b.count - 1
                while i >= 0 && b[i] != UInt8(ascii: "\n") { i -= 1 }
                end = i + 1
                return
            }
            for i in 0..<b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") { inQuotes.toggle() } else if c == UInt8(ascii: "\n") && !inQuotes { end = i + 1 }
            }
        }
        return end
    }

    private func readHeader() throws -> [String]? {
        while true {
            if let newline = carry.firstIndex(of: UInt8(ascii: "\n")) {
                var names: [String] = []
                let count = carry.withUnsafeBytes { all in
                    scanRecord(UnsafeRawBufferPointer(rebasing: all[0..<(newline + 1)]), from: 0)
                }
                carry.withUnsafeBytes { all in
                    for f in 0..<count.fields {
                        let text = String(decoding: UnsafeRawBufferPointer(rebasing: all[fieldStarts[f]..<fieldEnds[f]]), as: UTF8.self)
                        names.append(text.trimmingCharacters(in: .whitespaces))
                    }
                }
                carry.removeSubrange(0..<count.next)
                nextLine = 2
                return names
            }
            if endOfFile { return nil }  // at the end, fill() has closed the last line: no newline means no header
            try fill()
        }
    }

    /// Scans one record starting at `start`; fills the field arrays. Returns the field count
    /// and the position after the record.
    private func scanRecord(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (fields: Int, next: Int) {
        var pos = start, fields = 0
        let n = bytes.count
        while true {
            var flags: UInt8 = 0
            var fieldStart = pos, fieldEnd = pos
            if pos < n, bytes[pos] == UInt8(ascii: "\"") {
                flags = 1
                pos += 1
                fieldStart = pos
                while pos < n {
                    if bytes[pos] == UInt8(ascii: "\"") {
                        if pos + 1 < n, bytes[pos + 1] == UInt8(ascii: "\"") { flags |= 2; pos += 2; continue }
                        break
                    }
                    pos += 1
                }
                fieldEnd = pos
                pos += 1
                while pos < n, bytes[pos] != UInt8(ascii: ","), bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else {
                while pos < n, bytes[pos] != UInt8(ascii: ","), bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                fieldEnd = pos
                if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
            }
            if fields < CSVChunkReader.maxFields {
                fieldStarts[fields] = fieldStart
                fieldEnds[fields] = fieldEnd
                fieldFlags[fields] = flags
            }
            fields += 1
            if pos >= n { return (fields, n) }
            if bytes[pos] == UInt8(ascii: "\n") { return (fields, pos + 1) }
            pos += 1  // the comma
        }
    }

    /// Parses complete records into a table, inferring the types first if needed.
    private func parse(_ bytes: UnsafeRawBufferPointer) throws -> Table {
        if types.isEmpty { types = try infer(bytes) }
        let keep = header.map { selectedColumns?.contains($0) ?? true }
        var builders = zip(header, types).enumerated().map { c, pair in
            CSVColumnBuilder(name: pair.0, type: pair.1, capacity: keep[c] ? bytes.count / 64 : 0)
        }
        var pos = 0
        while pos < bytes.count {
            let (fields, next) = scanRecord(bytes, from: pos)
            let line = nextLine
            nextLine += 1 + newlinesInside(bytes, pos, next)
            defer { pos = next }
            if fields == 1 && fieldEnds[0] == fieldStarts[0] && fieldFlags[0] == 0 { continue }  // blank line
            guard fields == header.count, fields <= CSVChunkReader.maxFields else {
                throw LSDBError.invalidArgument("\(path):\(line): \(fields) fields where the header has \(header.count)")
            }
            for c in 0..<fields where keep[c] {
                let field = UnsafeRawBufferPointer(rebasing: bytes[fieldStarts[c]..<fieldEnds[c]])
                if !builders[c].append(field, quoted: fieldFlags[c] & 1 != 0, escaped: fieldFlags[c] & 2 != 0) {
                    let text = String(decoding: field, as: UTF8.self)
                    throw LSDBError.invalidArgument(
                        "\(path):\(line): column '\(header[c])': '\(text)' is not \(types[c].rawValue) "
                        + "(set its type with --column-type \(header[c])=string, or fix the row)")
                }
            }
        }
        var named: [(String, Column)] = []
        for (c, builder) in builders.enumerated() where keep[c] { named.append((header[c], try builder.finish())) }
        return try Table(named)
    }

    /// Newlines inside quoted fields of a record (for line numbers).
    private func newlinesInside(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int {
        var count = 0
        if end - 1 > start { for i in start..<(end - 1) where bytes[i] == UInt8(ascii: "\n") { count += 1 } }
        return count
    }

    /// Column types from the chunk's values, with the overrides applied.
    private func infer(_ bytes: UnsafeRawBufferPointer) throws -> [CSVColumnType] {
        var inferred = [CSVColumnType?](repeating: nil, count: header.count)
        var pos = 0
        while pos < bytes.count {
            let (fields, next) = scanRecord(bytes, from: pos)
            pos = next
            guard fields == header.count, fields <= CSVChunkReader.maxFields else { continue }
            for c in 0..<fields where inferred[c] != .string && overrides[header[c]] == nil {
                let field = UnsafeRawBufferPointer(rebasing: bytes[fieldStarts[c]..<fieldEnds[c]])
                guard let t = CSVColumnType.infer(field) else { continue }
                inferred[c] = inferred[c].map { $0.widened(with: t) } ?? t
            }
        }
        return header.indices.map { overrides[header[$0]] ?? inferred[$0] ?? .double }
    }
}
