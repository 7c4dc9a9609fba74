import Columnar
import Foundation

/// A JSON value, decoded without losing integer precision.
///
/// Integers that fit `Int64` decode as ``int(_:)``; other numbers as ``double(_:)``. The expected
/// files keep every 64-bit integer and every float as a string anyway (see
/// `Scripts/make_parquet_fixtures.py`), so nothing depends on JSON number precision.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else if let v = try? c.decode(Int64.self) { self = .int(v) }
        else if let v = try? c.decode(Double.self) { self = .double(v) }
        else if let v = try? c.decode(String.self) { self = .string(v) }
        else if let v = try? c.decode([JSONValue].self) { self = .array(v) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let v): "\(v)"
        case .int(let v): "\(v)"
        case .double(let v): "\(v)"
        case .string(let v): "\"\(v)\""
        case .array(let v): "[" + v.map(\.description).joined(separator: ",") + "]"
        case .object(let v): "{" + v.keys.sorted().map { "\($0):\(v[$0]!)" }.joined(separator: ",") + "}"
        }
    }
}

/// One `NAME.expected.json` sidecar: what pyarrow reads from `NAME` (a fixture, or a file our
/// writer produced in an interop test). Field names follow the JSON keys.
struct ExpectedFile: Decodable {
    /// One column: its name, its pyarrow type and every value (absent for metadata-only files).
    struct Column: Decodable {
        var name: String
        /// The type pyarrow derives from the Parquet schema alone.
        var type: String
        /// The type pyarrow shows when it honours a stored `ARROW:schema` (may equal `type`).
        var arrow_type: String?
        var nullable: Bool?
        var values: [JSONValue]?

        /// The type names a reader may report: `type`, or `arrow_type` if it honours the hint.
        var acceptedTypes: Set<String> { [type, arrow_type ?? type] }
    }

    /// A row group of a `_metadata` file.
    struct RowGroup: Decodable, Equatable {
        var file_path: String?
        var num_rows: Int
    }

    var file: String
    var description: String?
    var num_rows: Int
    var num_row_groups: Int?
    var created_by: String?
    var columns: [Column]
    /// `"metadata"` for `_metadata` / `_common_metadata` (schema and row groups, no values).
    var kind: String?
    var row_groups: [RowGroup]?

    var isMetadataOnly: Bool { kind == "metadata" }

    /// Loads a sidecar.
    static func load(_ url: URL) throws -> ExpectedFile {
        try JSONDecoder().decode(ExpectedFile.self, from: Data(contentsOf: url))
    }
}

/// Compares a column our reader produced with the expected values, value by value.
///
/// Returns human-readable differences (at most `limit`), empty when everything matches. Floats
/// compare bit for bit (so `-0.0` differs from `0.0`), with any NaN equal to any NaN; timestamps
/// compare as integers in the column's unit; decimals as their fixed-point text.
func differences(in column: Columnar.Column, from expected: ExpectedFile.Column, limit: Int = 5) -> [String] {
    var out: [String] = []
    if !expected.acceptedTypes.contains(column.type.description) {
        out.append("\(expected.name): type \(column.type), expected \(expected.type)")
        return out
    }
    guard let values = expected.values else { return out }
    if column.count != values.count {
        out.append("\(expected.name): \(column.count) values, expected \(values.count)")
        return out
    }
    var bad = 0
    for row in 0..<column.count {
        let actual = column[row]
        if let why = mismatch(actual, values[row]) {
            bad += 1
            if out.count < limit { out.append("\(expected.name)[\(row)]: \(why)") }
        }
    }
    if bad > limit { out.append("\(expected.name): \(bad) values differ in all") }
    return out
}

/// Why `actual` does not match the encoded `expected` value, or `nil` when it does.
func mismatch(_ actual: Scalar, _ expected: JSONValue) -> String? {
    let fail = "got \(actual), expected \(expected)"
    switch (actual, expected) {
    case (.null, .null):
        return nil
    case (.null, _), (_, .null):
        return fail
    case (.bool(let a), .bool(let e)):
        return a == e ? nil : fail
    case (.int(let a), .int(let e)):
        return a == e ? nil : fail
    case (.int(let a), .string(let e)):
        return Int64(e) == a ? nil : fail
    case (.uint(let a), .int(let e)):
        return e >= 0 && UInt64(e) == a ? nil : fail
    case (.uint(let a), .string(let e)):
        return UInt64(e) == a ? nil : fail
    case (.float(let a), .string(let e)):
        return sameDouble(Double(a), e) ? nil : fail
    case (.double(let a), .string(let e)):
        return sameDouble(a, e) ? nil : fail
    case (.string(let a), .string(let e)):
        return a == e ? nil : fail
    case (.binary(let a), .string(let e)):
        return hex(a) == e ? nil : "got \(hex(a)), expected \(e)"
    case (.date(let a), .int(let e)):
        return a == e ? nil : fail
    case (.timestamp(let a, _, _), .int(let e)), (.time(let a, _), .int(let e)), (.duration(let a, _), .int(let e)):
        return a == e ? nil : fail
    case (.decimal(let unscaled, let scale), .string(let e)):
        let text = decimalText(unscaled, scale: scale)
        return text == e ? nil : "got \(text), expected \(e)"
    case (.list(let a), .array(let e)):
        guard a.count == e.count else { return "got \(a.count) elements, expected \(e.count): \(fail)" }
        for (i, (x, y)) in zip(a, e).enumerated() {
            if let why = mismatch(x, y) { return "element \(i): \(why)" }
        }
        return nil
    case (.struct(let names, let a), .object(let e)):
        guard Set(names) == Set(e.keys) else { return "got fields \(names), expected \(e.keys.sorted())" }
        for (name, x) in zip(names, a) {
            if let why = mismatch(x, e[name]!) { return "field \(name): \(why)" }
        }
        return nil
    default:
        return "\(fail) (kinds differ)"
    }
}

/// Whether `value` is the double the expected text (`repr` of a Python float) encodes.
private func sameDouble(_ value: Double, _ text: String) -> Bool {
    guard let e = Double(text) else { return false }
    if e.isNaN { return value.isNaN }
    return value.bitPattern == e.bitPattern
}

private func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// Fixed-point text of `unscaled` × 10^-scale, as Python's `f"{Decimal:f}"` writes it.
func decimalText(_ unscaled: Int128, scale: Int) -> String {
    let negative = unscaled < 0
    var digits = String(unscaled.magnitude)
    if scale > 0 {
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
    }
    return (negative ? "-" : "") + digits
}
