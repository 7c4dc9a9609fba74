import Foundation

/// A FITS `BINTABLE` extension: its column layout and a view of its rows.
///
/// Only fixed-width columns are read, and only integer ones as values
/// (`K` int64, `J` int32, `I` int16, `B` uint8), big-endian as FITS requires.
struct BinaryTable {
    /// One column: name (`TTYPEn`), type code and repeat count (`TFORMn`), byte offset in a row.
    struct Column {
        let name: String
        let form: String
        let code: Character
        let repeatCount: Int
        let offset: Int
    }

    let columns: [Column]
    let rowBytes: Int
    let rowCount: Int
    private let data: Data
    private let start: Int
    private let path: String?

    init(header: FITSHeader, data: Data, offset: Int, path: String?) throws(HATSError) {
        guard header.string("XTENSION")?.uppercased() == "BINTABLE" else {
            throw HATSError(.invalidFITS, path: path,
                            "HDU 1 is \(header.string("XTENSION").map { "a '\($0)' extension" } ?? "missing"): expected a BINTABLE")
        }
        rowBytes = try header.requireInt("NAXIS1", path: path, hdu: 1)
        rowCount = try header.requireInt("NAXIS2", path: path, hdu: 1)
        let fieldCount = try header.requireInt("TFIELDS", path: path, hdu: 1)
        guard rowBytes >= 0, rowCount >= 0, (1...999).contains(fieldCount) else {
            throw HATSError(.invalidFITS, path: path, "HDU 1: NAXIS1 = \(rowBytes), NAXIS2 = \(rowCount), TFIELDS = \(fieldCount) is not a table")
        }
        var columns: [Column] = []
        var position = 0
        for n in 1...fieldCount {
            guard let form = header.string("TFORM\(n)") else {
                throw HATSError(.invalidFITS, path: path, "HDU 1: missing TFORM\(n)")
            }
            let digits = form.prefix(while: { $0.isASCII && $0.isNumber })
            let repeatCount = digits.isEmpty ? 1 : Int(digits) ?? -1
            guard (0...rowBytes).contains(repeatCount), let code = form.dropFirst(digits.count).first,
                  let width = BinaryTable.width(code: code, repeatCount: repeatCount)
            else {
                throw HATSError(.invalidFITS, path: path, "HDU 1: TFORM\(n) = '\(form)' is not a fixed-width FITS column type")
            }
            columns.append(Column(name: header.string("TTYPE\(n)") ?? "", form: form, code: code,
                                  repeatCount: repeatCount, offset: position))
            position += width
            guard position <= rowBytes else {
                throw HATSError(.invalidFITS, path: path, "HDU 1: the columns up to TFORM\(n) take more than NAXIS1 = \(rowBytes) bytes")
            }
        }
        guard position == rowBytes else {
            throw HATSError(.invalidFITS, path: path, "HDU 1: the columns take \(position) bytes but NAXIS1 = \(rowBytes)")
        }
        let (needed, overflow) = rowBytes.multipliedReportingOverflow(by: rowCount)
        guard !overflow, offset >= 0, needed <= data.count - min(offset, data.count), offset <= data.count else {
            throw HATSError(.invalidFITS, path: path,
                            "truncated: the table needs \(rowBytes) × \(rowCount) bytes at offset \(offset), the file has \(data.count) bytes")
        }
        self.columns = columns
        self.data = data
        self.start = offset
        self.path = path
    }

    /// The byte width of `repeatCount` elements of a type code, or `nil` for variable-length or unknown codes.
    private static func width(code: Character, repeatCount r: Int) -> Int? {
        let elementBytes: Int
        switch code {
        case "L", "B", "A": elementBytes = 1
        case "X": return (r + 7) / 8
        case "I": elementBytes = 2
        case "J", "E": elementBytes = 4
        case "K", "D", "C": elementBytes = 8
        case "M": elementBytes = 16
        default: return nil
        }
        let (bytes, overflow) = r.multipliedReportingOverflow(by: elementBytes)
        return overflow ? nil : bytes
    }

    /// Every element of an integer column, row after row.
    ///
    /// - Throws: `invalidFITS` naming the `TFORM` if the column is not an integer type.
    func integers(column index: Int) throws(HATSError) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(rowCount * columns[index].repeatCount)
        try forEachInteger(column: index) { _, v in out.append(v) }
        return out
    }

    /// Calls `body` with the position (row × repeat count + element) and value of
    /// every element of an integer column, in order; with `positions`, only of the
    /// elements in that range (clamped to the column), so that a mapped file is
    /// touched only there.
    func forEachInteger(column index: Int, positions: Range<Int>? = nil,
                        _ body: (Int, Int64) -> Void) throws(HATSError) {
        let column = columns[index]
        guard column.repeatCount > 0 else {
            throw HATSError(.invalidFITS, path: path, "column \(index + 1) has TFORM\(index + 1) = '\(column.form)': no values")
        }
        let size: Int
        switch column.code {
        case "K": size = 8
        case "J": size = 4
        case "I": size = 2
        case "B": size = 1
        default:
            throw HATSError(.invalidFITS, path: path,
                            "column \(column.name.isEmpty ? "\(index + 1)" : column.name) has TFORM\(index + 1) = '\(column.form)': expected an integer type (K, J, I or B)")
        }
        let total = rowCount * column.repeatCount
        let lower = max(0, positions?.lowerBound ?? 0), upper = min(total, positions?.upperBound ?? total)
        guard lower < upper else { return }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var position = lower
            while position < upper {
                let row = position / column.repeatCount
                let element = position - row * column.repeatCount
                let run = min(column.repeatCount - element, upper - position)
                let p = start + row * rowBytes + column.offset + element * size
                switch size {
                case 8:
                    for k in 0..<run {
                        body(position + k, Int64(bitPattern: raw.loadUnaligned(fromByteOffset: p + 8 * k, as: UInt64.self).bigEndian))
                    }
                case 4:
                    for k in 0..<run {
                        body(position + k, Int64(Int32(bitPattern: raw.loadUnaligned(fromByteOffset: p + 4 * k, as: UInt32.self).bigEndian)))
                    }
                case 2:
                    for k in 0..<run {
                        body(position + k, Int64(Int16(bitPattern: raw.loadUnaligned(fromByteOffset: p + 2 * k, as: UInt16.self).bigEndian)))
                    }
                default:
                    for k in 0..<run { body(position + k, Int64(raw[p + k])) }
                }
                position += run
            }
        }
    }

    /// The value of one element of an integer column (`nil` for a non-integer column).
    func integer(column index: Int, position: Int) -> Int64? {
        var value: Int64?
        try? forEachInteger(column: index, positions: position..<(position + 1)) { _, v in value = v }
        return value
    }

    /// Calls `body` with the raw bytes of the table's rows (`rowCount` rows of `rowBytes`
    /// bytes each, big-endian values), for scans too hot for ``forEachInteger(column:positions:_:)``.
    func withRows<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[start..<(start + rowBytes * rowCount)]))
        }
    }
}
