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
    private let descriptor: Int32
    private let chunkBytes: Int
    // Bytes read and not yet parsed: buffer[start..<end]. One buffer reused for every chunk.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0, end = 0
    private var nextLine = 1
    private var bytesPerRow: Double?
    private var endOfFile = false
    /// The most fields a record may have.
    static let maxFields = 4096
    // Field bounds of the record being scanned. Raw buffers, not arrays: array properties of a
    // class would pay a dynamic exclusivity check on every access in the scanning loop.
    private let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: CSVChunkReader.maxFields)
    private let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: CSVChunkReader.maxFields)
    private let fieldFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVChunkReader.maxFields)  // 1: quoted, 2: doubled quotes
    // The values of the record `fastRecord` is reading, as bit patterns (by the field's kind).
    let values = UnsafeMutablePointer<UInt64>.allocate(capacity: CSVChunkReader.maxFields)

    /// Opens a file and reads its header.
    ///
    /// - Parameters:
    ///   - types: every column's type by name (the schema of an earlier file), or `nil` to infer.
    ///   - overrides: types that win over inference.
    init(path: String, chunkBytes: Int = 16 << 20, types known: [String: CSVColumnType]? = nil,
         overrides: [String: CSVColumnType] = [:]) throws {
        self.path = path
        self.chunkBytes = max(chunkBytes, 1 << 16)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw LSDBError.invalidArgument("\(path): cannot open the file: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.capacity = self.chunkBytes + 1
        self.buffer = ReadBufferPool.shared.take(capacity: self.chunkBytes + 1)
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
        close(descriptor)
        ReadBufferPool.shared.give(buffer, capacity: capacity)
        values.deallocate()
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        fieldFlags.deallocate()
    }

    /// The next chunk of rows, or `nil` at the end of the file.
    ///
    /// - Throws: ``LSDBError`` naming the file, line and column of a field that does not
    ///   parse or a record with the wrong number of fields.
    func next() throws -> Table? {
        compact()
        while !endOfFile && end < chunkBytes { try fill() }
        var cut = endOfFile ? end : lastRecordEnd()
        while cut == 0 && !endOfFile {  // a record longer than a chunk
            grow(capacity * 2)
            try fill()
            cut = endOfFile ? end : lastRecordEnd()
        }
        guard cut > 0 else { return nil }
        let table = try parse(UnsafeRawBufferPointer(start: buffer, count: cut))
        start = cut
        return table
    }

    /// Moves the unparsed bytes to the front of the buffer.
    private func compact() {
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
    }

    private func grow(_ newCapacity: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }

    /// Reads more bytes (up to a chunk, within the buffer); at the end of the file, closes
    /// an unterminated last line.
    private func fill() throws {
        if capacity - end < 2 { grow(capacity * 2) }
        let want = max(1, min(capacity - 1 - end, max(chunkBytes - end, 1 << 16)))
        let got = read(descriptor, buffer + end, want)
        if got < 0 {
            if errno == EINTR { return }
            throw LSDBError.invalidArgument("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        if got == 0 {
            endOfFile = true
            if end > 0, buffer[end - 1] != UInt8(ascii: "\n") {
                buffer[end] = UInt8(ascii: "\n")
                end += 1
            }
        } else {
            end += got
        }
    }

    /// The end of the last complete record in the buffer (after its newline), quote-aware.
    private func lastRecordEnd() -> Int {
        // Without quotes, the last newline ends the last record.
        if memchr(buffer, Int32(UInt8(ascii: "\"")), end) == nil {
            var i = end - 1
            while i >= 0 && buffer[i] != UInt8(ascii: "\n") { i -= 1 }
            return i + 1
        }
        var inQuotes = false, last = 0
        for i in 0..<end {
            let c = buffer[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() } else if c == UInt8(ascii: "\n") && !inQuotes { last = i + 1 }
        }
        return last
    }

    private func readHeader() throws -> [String]? {
        while true {
            if end > 0, let newline = memchr(buffer, Int32(UInt8(ascii: "\n")), end) {
                let length = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
                let count = scanRecord(bytes, from: 0)
                let names = (0..<count.fields).map { f in
                    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fieldStarts[f]..<fieldEnds[f]]), as: UTF8.self)
                        .trimmingCharacters(in: .whitespaces)
                }
                start = count.next
                nextLine = 2
                return names
            }
            if endOfFile { return nil }  // at the end, fill() has closed the last line: no newline means no header
            if end >= capacity - 1 { grow(capacity * 2) }
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
            CSVColumnBuilder(name: pair.0, type: pair.1, capacity: keep[c] ? estimatedRows(bytes.count) : 0)
        }
        // Column kinds for the fast path: 0 not kept, 1 int64, 2 double, 3 bool, 4 string.
        let kinds: [UInt8] = header.indices.map { c in
            guard keep[c] else { return 0 }
            switch types[c] { case .int64: return 1; case .double: return 2; case .bool: return 3; case .string: return 4 }
        }
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var pos = 0
        while pos < bytes.count {
            if header.count <= CSVChunkReader.maxFields,
               let next = kinds.withUnsafeBufferPointer({ fastRecord(base, pos, bytes.count, $0.baseAddress!, $0.count) }) {
                for c in 0..<kinds.count where kinds[c] != 0 {
                    if fieldFlags[c] == 1 { builders[c].appendNull(); continue }
                    switch kinds[c] {
                    case 1: builders[c].append(int: Int64(bitPattern: values[c]))
                    case 2: builders[c].append(double: Double(bitPattern: values[c]))
                    case 3: builders[c].append(bool: values[c] != 0)
                    default: builders[c].append(text: UnsafeRawBufferPointer(rebasing: bytes[fieldStarts[c]..<fieldEnds[c]]))
                    }
                }
                nextLine += 1
                pos = next
                continue
            }
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
        if let rows = builders.first(where: { $0.count > 0 })?.count, bytes.count > 0 {
            bytesPerRow = max(1, Double(bytes.count) / Double(rows))
        }
        var named: [(String, Column)] = []
        for (c, builder) in builders.enumerated() where keep[c] { named.append((header[c], try builder.finish())) }
        return try Table(named)
    }

    /// Scans and parses one record in a single pass when it is plain: no quotes, every field
    /// well formed for its type, the right number of fields. Fills `values` (and `fieldFlags`
    /// with 1 for nulls, `fieldStarts`/`fieldEnds` for text) and returns the position after
    /// the record, or `nil` to let the general path read it (and report any error).
    @inline(__always)
    private func fastRecord(_ b: UnsafePointer<UInt8>, _ pos: Int, _ n: Int,
                            _ kinds: UnsafePointer<UInt8>, _ columns: Int) -> Int? {
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var p = pos
        for c in 0..<columns {
            guard p < n else { return nil }
            var stop = p
            let first = b[p]
            if first == UInt8(ascii: "\"") { return nil }
            if first == comma || first == newline || first == cr {
                if c == 0 && first != comma { return nil }  // a blank line, or a one-column null: the general path
                fieldFlags[c] = 1
            } else {
                fieldFlags[c] = 0
                switch kinds[c] {
                case 2:
                    let (value, end) = CSVParse.scanDouble(b, p, n)
                    guard let value else { return nil }
                    values[c] = value.bitPattern
                    stop = end
                case 1:
                    var q = p, negative = false
                    if b[q] == UInt8(ascii: "-") { negative = true; q += 1 } else if b[q] == UInt8(ascii: "+") { q += 1 }
                    let digitsStart = q
                    let magnitude: UInt64
                    (magnitude, q) = CSVParse.accumulateDigits(b, q, n, into: 0)
                    let digits = q - digitsStart
                    guard digits > 0, digits <= 19, magnitude <= (negative ? 1 << 63 : UInt64(Int64.max)) else { return nil }
                    values[c] = negative ? 0 &- magnitude : magnitude
                    stop = q
                default:
                    while stop < n, b[stop] != comma, b[stop] != newline { stop += 1 }
                    fieldStarts[c] = p
                    fieldEnds[c] = stop > p && b[stop - 1] == cr && c == columns - 1 ? stop - 1 : stop
                    if kinds[c] == 3 {
                        guard let value = CSVParse.bool(UnsafeRawBufferPointer(start: b + p, count: fieldEnds[c] - p)) else { return nil }
                        values[c] = value ? 1 : 0
                    }
                }
            }
            guard stop < n else { return nil }
            let separator = b[stop]
            if c == columns - 1 {
                if separator == newline { return stop + 1 }
                if separator == cr, stop + 1 < n, b[stop + 1] == newline { return stop + 2 }
                return nil
            }
            guard separator == comma else { return nil }
            p = stop + 1
        }
        return nil
    }

    /// Rows to reserve for a chunk: from the previous chunk's bytes per row (with 5 % to spare),
    /// or a generous guess for the first.
    private func estimatedRows(_ byteCount: Int) -> Int {
        guard let bytesPerRow else { return byteCount / 64 }
        return Int(Double(byteCount) / bytesPerRow * 1.05) + 64
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
