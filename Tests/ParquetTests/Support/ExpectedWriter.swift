import Columnar
import Foundation

/// Writes `.expected.json` sidecars for tables our writer wrote, in the format of
/// `Scripts/make_parquet_fixtures.py`, so that `Scripts/interop_parquet.py` can check the file
/// with pyarrow, pandas, DuckDB and polars.
enum ExpectedWriter {
    /// The sidecar text for `table` written to a file called `file`.
    ///
    /// - Parameters:
    ///   - rowGroups: the number of row groups the file should have (checked by pyarrow).
    ///   - checks: footer checks for the Python side, as JSON text (for example
    ///     `"statistics": true, "sorting_columns": [[0, false, false]]`), without braces.
    ///   - skipReaders: tools with a known limitation for this file, and the reason.
    static func sidecar(for table: Table, file: String, description: String, rowGroups: Int? = nil,
                        checks: String? = nil, skipReaders: [String: String] = [:]) -> String {
        var parts = [
            "\"file\":\(quote(file))",
            "\"description\":\(quote(description))",
            "\"num_rows\":\(table.rowCount)",
        ]
        if let rowGroups { parts.append("\"num_row_groups\":\(rowGroups)") }
        let columns = zip(table.schema.fields, table.columns).map { field, column in
            let values = (0..<column.count).map { render(encode(column[$0], type: column.type)) }
            return "{\"name\":\(quote(field.name)),\"type\":\(quote(column.type.description)),"
                + "\"values\":[\(values.joined(separator: ","))]}"
        }
        parts.append("\"columns\":[\(columns.joined(separator: ","))]")
        if let checks { parts.append("\"checks\":{\(checks)}") }
        if !skipReaders.isEmpty {
            let items = skipReaders.keys.sorted().map { "\(quote($0)):\(quote(skipReaders[$0]!))" }
            parts.append("\"skip_readers\":{\(items.joined(separator: ","))}")
        }
        return "{" + parts.joined(separator: ",") + "}\n"
    }

    /// The sidecar of a metadata-only file (`_metadata`, `_common_metadata`).
    static func metadataSidecar(schema: Columnar.Schema, file: String, rowGroups: [(path: String, rows: Int)]) -> String {
        let columns = schema.fields.map { "{\"name\":\(quote($0.name)),\"type\":\(quote($0.type.description))}" }
        let groups = rowGroups.map { "{\"file_path\":\(quote($0.path)),\"num_rows\":\($0.rows)}" }
        return "{\"file\":\(quote(file)),\"kind\":\"metadata\",\"num_rows\":\(rowGroups.reduce(0) { $0 + $1.rows }),"
            + "\"columns\":[\(columns.joined(separator: ","))],\"row_groups\":[\(groups.joined(separator: ","))]}\n"
    }

    /// One value in the sidecar encoding: 64-bit integers and floats as strings, binaries as hex,
    /// temporal values as integers in their unit, decimals as fixed-point text.
    static func encode(_ value: Scalar, type: DataType?) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let v): return .bool(v)
        case .int(let v): return type == .int64 ? .string(String(v)) : .int(v)
        case .uint(let v): return type == .uint64 ? .string(String(v)) : .int(Int64(v))
        case .float(let v): return .string(floatText(Double(v)))
        case .double(let v): return .string(floatText(v))
        case .string(let v): return .string(v)
        case .binary(let v): return .string(v.map { String(format: "%02x", $0) }.joined())
        case .date(let days): return .int(days)
        case .time(let v, _), .timestamp(let v, _, _), .duration(let v, _): return .int(v)
        case .decimal(let unscaled, let scale): return .string(decimalText(unscaled, scale: scale))
        case .list(let items):
            let element = type?.listElement?.type
            return .array(items.map { encode($0, type: element) })
        case .struct(let names, let values):
            let fields = type?.structFields ?? []
            var object: [String: JSONValue] = [:]
            for (i, (name, v)) in zip(names, values).enumerated() {
                object[name] = encode(v, type: i < fields.count ? fields[i].type : nil)
            }
            return .object(object)
        }
    }

    /// A float as Python's `repr` spells the specials (`nan`, `inf`, `-inf`); other values use
    /// Swift's shortest round-trip text, which the checker re-reads as a float.
    static func floatText(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }

    /// JSON text of a value.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let v): return v ? "true" : "false"
        case .int(let v): return String(v)
        case .double(let v): return v.description
        case .string(let v): return quote(v)
        case .array(let items): return "[" + items.map(render).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { quote($0) + ":" + render(fields[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
