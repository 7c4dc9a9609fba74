/// One value of a column, boxed: for display, tests and other places that are not hot loops.
///
/// Temporal values keep their raw integer and unit; `description` renders them as pandas does
/// (`2024-01-31 12:00:00.5`, `2024-01-31`).
public enum Scalar: Hashable, Sendable {
    /// A null.
    case null
    /// A boolean.
    case bool(Bool)
    /// A signed integer of any width.
    case int(Int64)
    /// An unsigned integer of any width.
    case uint(UInt64)
    /// A `float` value.
    case float(Float)
    /// A `double` value.
    case double(Double)
    /// A string value.
    case string(String)
    /// A binary or fixed-size binary value.
    case binary([UInt8])
    /// Days since 1970-01-01.
    case date(days: Int64)
    /// A time of day in `unit`s since midnight.
    case time(Int64, TimeUnit)
    /// A time in `unit`s since the Unix epoch, with its zone (`nil` for naive).
    case timestamp(Int64, TimeUnit, timezone: String?)
    /// A span of time in `unit`s.
    case duration(Int64, TimeUnit)
    /// A decimal: `unscaled` × 10^-`scale`.
    case decimal(unscaled: Int128, scale: Int)
    /// A list's elements.
    case list([Scalar])
    /// A struct's fields, in order.
    case `struct`([String], [Scalar])
}

extension Column {
    /// The value at `index`, boxed (``Scalar/null`` for nulls).
    ///
    /// - Complexity: O(1) for flat types; a list or struct boxes its elements.
    public subscript(index: Int) -> Scalar {
        precondition(index >= 0 && index < count, "row \(index) out of range 0..<\(count)")
        if isNull(index) { return .null }
        switch type {
        case .bool: return .bool(bits[index])
        case .int8: return .int(Int64(values(as: Int8.self)[index]))
        case .int16: return .int(Int64(values(as: Int16.self)[index]))
        case .int32: return .int(Int64(values(as: Int32.self)[index]))
        case .int64: return .int(values(as: Int64.self)[index])
        case .uint8: return .uint(UInt64(values(as: UInt8.self)[index]))
        case .uint16: return .uint(UInt64(values(as: UInt16.self)[index]))
        case .uint32: return .uint(UInt64(values(as: UInt32.self)[index]))
        case .uint64: return .uint(values(as: UInt64.self)[index])
        case .float16: return .float(Float(Float16(bitPattern: values(as: UInt16.self)[index])))
        case .float32: return .float(values(as: Float.self)[index])
        case .float64: return .double(values(as: Double.self)[index])
        case .string, .largeString: return .string(strings[index])
        case .binary, .largeBinary: return .binary(strings.withBytes(at: index) { Array($0) })
        case .fixedSizeBinary(let width):
            return .binary(buffers[0].withUnsafeBytes { Array($0[(index * width)..<((index + 1) * width)]) })
        case .date32: return .date(days: Int64(values(as: Int32.self)[index]))
        case .date64: return .date(days: Scalar.floorDivide(values(as: Int64.self)[index], 86_400_000))
        case .time32(let unit): return .time(Int64(values(as: Int32.self)[index]), unit)
        case .time64(let unit): return .time(values(as: Int64.self)[index], unit)
        case .timestamp(let unit, let zone): return .timestamp(values(as: Int64.self)[index], unit, timezone: zone)
        case .duration(let unit): return .duration(values(as: Int64.self)[index], unit)
        case .decimal(_, let scale, let storage): return decimal(at: index, scale: scale, storage: storage)
        case .list, .largeList:
            let child = children[0]
            return .list(listRange(at: index).map { child[$0] })
        case .struct(let fields):
            return .struct(fields.map(\.name), children.map { $0[index] })
        }
    }

    private func decimal(at index: Int, scale: Int, storage: DecimalStorage) -> Scalar {
        switch storage {
        case .int32: return .decimal(unscaled: Int128(values(as: Int32.self)[index]), scale: scale)
        case .int64: return .decimal(unscaled: Int128(values(as: Int64.self)[index]), scale: scale)
        case .bigEndian(let width):
            let bytes = buffers[0].withUnsafeBytes { Array($0[(index * width)..<((index + 1) * width)]) }
            guard width <= 16, let first = bytes.first else { return .binary(bytes) }
            var value: Int128 = first & 0x80 != 0 ? -1 : 0
            for byte in bytes { value = (value << 8) | Int128(byte) }
            return .decimal(unscaled: value, scale: scale)
        }
    }
}

extension Scalar: CustomStringConvertible {
    /// The value as pandas (with pyarrow dtypes) prints it: `<NA>` for null, `True`/`False`,
    /// shortest round-trip floats, strings unquoted, binaries as `b'…'`, lists as `[1.0, 2.0]`,
    /// structs as `{'a': 1, 'b': 'x'}`.
    public var description: String { render(nested: false) }

    private func render(nested: Bool) -> String {
        switch self {
        case .null: return "<NA>"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .uint(let value): return String(value)
        case .float(let value): return value.description
        case .double(let value): return value.description
        case .string(let value): return nested ? "'\(value)'" : value
        case .binary(let bytes): return "b'" + bytes.map(Scalar.escapeByte).joined() + "'"
        case .date(let days): return Scalar.civilDate(days: days)
        case .time(let value, let unit): return Scalar.timeOfDay(value, unit)
        case .timestamp(let value, let unit, let zone):
            let days = Scalar.floorDivide(value, unit.perSecond * 86_400)
            let rest = value - days * unit.perSecond * 86_400
            let text = Scalar.civilDate(days: days) + " " + Scalar.timeOfDay(rest, unit)
            return zone == nil ? text : text + (zone == "UTC" ? "+00:00" : " " + zone!)
        case .duration(let value, let unit): return "\(value)\(unit.rawValue)"
        case .decimal(let unscaled, let scale): return Scalar.decimalText(unscaled, scale: scale)
        case .list(let values): return "[" + values.map { $0.render(nested: true) }.joined(separator: ", ") + "]"
        case .struct(let names, let values):
            let items = zip(names, values).map { "'\($0)': \($1.render(nested: true))" }
            return "{" + items.joined(separator: ", ") + "}"
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func escapeByte(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\\") {
            return String(UnicodeScalar(byte))
        }
        let hex = String(byte, radix: 16)
        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// `YYYY-MM-DD` for days since 1970-01-01 (proleptic Gregorian calendar).
    static func civilDate(days: Int64) -> String {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(twoDigits(month))-\(twoDigits(day))"
    }

    /// `HH:MM:SS` plus a fraction without trailing zeros, for a time of day in `unit`s.
    static func timeOfDay(_ value: Int64, _ unit: TimeUnit) -> String {
        let seconds = floorDivide(value, unit.perSecond)
        let fraction = value - seconds * unit.perSecond
        var text = "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
        if fraction != 0 {
            let digits = String(unit.perSecond).count - 1
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: digits - fractionText.count) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            text += "." + fractionText
        }
        return text
    }

    private static func decimalText(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        guard scale > 0 else {
            return (negative ? "-" : "") + digits + String(repeating: "0", count: -scale)
        }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }
}
