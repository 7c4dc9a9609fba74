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

/// Formats the values of one column into CSV fields. The typed view of the column is
/// made once, so that formatting a row is one switch and no allocation for numbers.
struct CSVFormatter {
    private enum Values {
        case float64(ColumnValues<Double>), float32(ColumnValues<Float>)
        case signed(ColumnValues<Int64>), int32(ColumnValues<Int32>), int16(ColumnValues<Int16>), int8(ColumnValues<Int8>)
        case unsigned(ColumnValues<UInt64>), uint32(ColumnValues<UInt32>), uint16(ColumnValues<UInt16>), uint8(ColumnValues<UInt8>)
        case bool(Bitmap), string(StringValues), other
    }

    let column: Column
    private let values: Values

    init(_ column: Column) {
        self.column = column
        switch column.type {
        case .float64: values = .float64(column.values(as: Double.self))
        case .float32: values = .float32(column.values(as: Float.self))
        case .int64: values = .signed(column.values(as: Int64.self))
        case .int32: values = .int32(column.values(as: Int32.self))
        case .int16: values = .int16(column.values(as: Int16.self))
        case .int8: values = .int8(column.values(as: Int8.self))
        case .uint64: values = .unsigned(column.values(as: UInt64.self))
        case .uint32: values = .uint32(column.values(as: UInt32.self))
        case .uint16: values = .uint16(column.values(as: UInt16.self))
        case .uint8: values = .uint8(column.values(as: UInt8.self))
        case .bool: values = .bool(column.bits)
        case .string, .largeString: values = .string(column.strings)
        default: values = .other
        }
    }

    func append(_ row: Int, to out: inout [UInt8]) {
        if column.isNull(row) { return }
        switch values {
        case .float64(let v): appendFloat(v[row], to: &out)
        case .float32(let v): appendFloat(v[row], to: &out)
        case .signed(let v): Self.appendInteger(v[row], to: &out)
        case .int32(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .int16(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .int8(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .unsigned(let v): Self.appendUnsigned(v[row], negative: false, to: &out)
        case .uint32(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .uint16(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .uint8(let v): Self.appendInteger(Int64(v[row]), to: &out)
        case .bool(let bits): out.append(contentsOf: (bits[row] ? "true" : "false").utf8)
        case .string(let strings): out.append(contentsOf: CSVWriter.quoted(strings[row]).utf8)
        case .other: out.append(contentsOf: CSVWriter.quoted("\(column[row])").utf8)
        }
    }

    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        appendUnsigned(value.magnitude, negative: value < 0, to: &out)
    }

    /// Decimal digits written straight into the output.
    private static func appendUnsigned(_ magnitude: UInt64, negative: Bool, to out: inout [UInt8]) {
        if negative { out.append(UInt8(ascii: "-")) }
        var digits: (UInt64, Int) = (magnitude, 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            repeat {
                buffer[digits.1] = UInt8(ascii: "0") + UInt8(digits.0 % 10)
                digits.0 /= 10
                digits.1 += 1
            } while digits.0 > 0
            for i in stride(from: digits.1 - 1, through: 0, by: -1) { out.append(buffer[i]) }
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
