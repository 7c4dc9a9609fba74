import Columnar
import Parquet

/// Writes tables as CSV, streaming, into a file that appears only when complete.
///
/// The format follows the project's contract: a header row, the index column
/// first, an empty field for null, shortest round-trip formatting for floats
/// (`nan`, `inf` and `-inf` for the special values), `true`/`false` for
/// booleans, and RFC 4180 quoting for text that needs it (an empty string is
/// written `""`, so that it differs from null).
///
///     let writer = try CSVWriter(path: "cone.csv")
///     try writer.write(table)
///     try writer.close()
public final class CSVWriter {
    /// The destination.
    public let path: String
    private let file: AtomicFile
    private var header: [String]?
    private var buffer: [UInt8] = []

    /// Starts a file (written to a temporary sibling until ``close()``).
    public init(path: String) throws {
        self.path = path
        do { file = try AtomicFile(path: path) } catch {
            throw LSDBError.outputFailed(path: path, "cannot create the file: \(error)")
        }
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends a table's rows (the first call also writes the header). Every table
    /// must have the same column names.
    public func write(_ table: Table) throws {
        let ordered = table.withIndexColumnFirst()
        if let header {
            guard header == ordered.columnNames else {
                throw LSDBError.outputFailed(path: path, "columns \(ordered.columnNames) differ from the header \(header)")
            }
        } else {
            header = ordered.columnNames
            appendRow(ordered.columnNames.map { Self.quoted($0) })
        }
        let formatters = ordered.columns.map(CSVFormatter.init)
        for row in 0..<ordered.rowCount {
            for (c, formatter) in formatters.enumerated() {
                if c > 0 { buffer.append(UInt8(ascii: ",")) }
                formatter.append(row, to: &buffer)
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 { try flush() }
        }
    }

    /// Writes the header of an empty result (if nothing was written), then commits the file.
    public func close(emptyHeader: [String] = []) throws {
        if header == nil { appendRow(emptyHeader.map { Self.quoted($0) }) }
        try flush()
        do { try file.commit() } catch {
            throw LSDBError.outputFailed(path: path, "cannot complete the file: \(error)")
        }
    }

    private func appendRow(_ fields: [String]) {
        buffer.append(contentsOf: fields.joined(separator: ",").utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try file.write(buffer) } catch {
            throw LSDBError.outputFailed(path: path, "write failed: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// A text field, quoted when it holds a separator, a quote, a line break, or nothing.
    static func quoted(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        return text
    }
}

/// Formats the values of one column into CSV fields.
struct CSVFormatter {
    let column: Column

    init(_ column: Column) { self.column = column }

    func append(_ row: Int, to out: inout [UInt8]) {
        if column.isNull(row) { return }
        switch column.type {
        case .float64: appendFloat(column.values(as: Double.self)[row], to: &out)
        case .float32: appendFloat(column.values(as: Float.self)[row], to: &out)
        case .int64: out.append(contentsOf: String(column.values(as: Int64.self)[row]).utf8)
        case .int32: out.append(contentsOf: String(column.values(as: Int32.self)[row]).utf8)
        case .int16: out.append(contentsOf: String(column.values(as: Int16.self)[row]).utf8)
        case .int8: out.append(contentsOf: String(column.values(as: Int8.self)[row]).utf8)
        case .uint64: out.append(contentsOf: String(column.values(as: UInt64.self)[row]).utf8)
        case .uint32: out.append(contentsOf: String(column.values(as: UInt32.self)[row]).utf8)
        case .uint16: out.append(contentsOf: String(column.values(as: UInt16.self)[row]).utf8)
        case .uint8: out.append(contentsOf: String(column.values(as: UInt8.self)[row]).utf8)
        case .bool: out.append(contentsOf: (column.bits[row] ? "true" : "false").utf8)
        case .string, .largeString:
            out.append(contentsOf: CSVWriter.quoted(column.strings[row]).utf8)
        default:
            out.append(contentsOf: CSVWriter.quoted("\(column[row])").utf8)
        }
    }

    private func appendFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, to out: inout [UInt8]) {
        if value.isNaN { out.append(contentsOf: "nan".utf8); return }
        if value.isInfinite { out.append(contentsOf: (value < 0 ? "-inf" : "inf").utf8); return }
        out.append(contentsOf: value.description.utf8)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
