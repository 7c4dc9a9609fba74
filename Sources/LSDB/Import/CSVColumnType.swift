import Columnar
import Foundation

/// The type of a CSV column: inferred from the first rows, or given (`--column-type name=type`).
public enum CSVColumnType: String, Sendable, Hashable, CaseIterable {
    /// 64-bit integers (pyarrow `int64`).
    case int64
    /// 64-bit floats (pyarrow `double`).
    case double
    /// Booleans: `true`/`false`, `True`/`False`, `TRUE`/`FALSE`.
    case bool
    /// Text (pyarrow `large_string`, as hats-import stores CSV strings).
    case string

    /// Parses a type name: pyarrow's (`int64`, `double`, `float64`, `bool`, `string`, `large_string`).
    public init?(name: String) {
        switch name.lowercased() {
        case "int64", "int", "long": self = .int64
        case "double", "float64", "float": self = .double
        case "bool", "boolean": self = .bool
        case "string", "large_string", "str", "utf8": self = .string
        default: return nil
        }
    }

    /// The column type in memory.
    public var dataType: DataType {
        switch self {
        case .int64: return .int64
        case .double: return .float64
        case .bool: return .bool
        case .string: return .largeString
        }
    }

    /// The narrowest type that holds a value (`nil` for an empty field).
    static func infer(_ field: UnsafeRawBufferPointer) -> CSVColumnType? {
        if field.isEmpty { return nil }
        if CSVParse.int64(field) != nil { return .int64 }
        if CSVParse.double(field) != nil { return .double }
        if CSVParse.bool(field) != nil { return .bool }
        return .string
    }

    /// The type holding values of both types.
    func widened(with other: CSVColumnType) -> CSVColumnType {
        if self == other { return self }
        if (self == .int64 && other == .double) || (self == .double && other == .int64) { return .double }
        return .string
    }
}

/// Field parsers over raw bytes (no allocation).
enum CSVParse {
    /// A decimal integer with an optional sign.
    static func int64(_ field: UnsafeRawBufferPointer) -> Int64? {
        var i = 0, negative = false
        let n = field.count
        if n == 0 { return nil }
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") { negative = field[0] == UInt8(ascii: "-"); i = 1 }
        if i == n { return nil }
        var value: Int64 = 0
        while i < n {
            let d = field[i] &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(negative ? -Int64(d) : Int64(d))
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// Exact powers of ten up to 10^22 (the range where Clinger's fast path is exact).
    static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// A float as `strtod` reads it (also `nan`, `inf`), using the whole field.
    ///
    /// Plain decimals with at most 19 significant digits whose mantissa fits in 53 bits and
    /// whose decimal exponent is within ±22 are converted exactly without `strtod`
    /// (Clinger's fast path: one correctly rounded multiplication or division).
    static func double(_ field: UnsafeRawBufferPointer) -> Double? {
        if let fast = fastDouble(field) { return fast }
        return slowDouble(field)
    }

    /// The fast path of ``double(_:)``, or `nil` when the field needs `strtod`.
    @inline(__always)
    static func fastDouble(_ field: UnsafeRawBufferPointer) -> Double? {
        let n = field.count
        var i = 0, negative = false
        if n == 0 { return nil }
        if field[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if field[0] == UInt8(ascii: "+") { i = 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, sawDigit = false, sawPoint = false
        while i < n {
            let c = field[i]
            if c == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                // An exponent: fold it into the fraction count.
                guard sawDigit, let exponent = int64(UnsafeRawBufferPointer(rebasing: field[(i + 1)...])),
                      exponent.magnitude <= 400 else { return nil }
                fraction -= Int(exponent)
                break
            } else {
                let d = c &- 48
                guard d < 10 else { return nil }  // exponents, nan, inf: the slow path
                sawDigit = true
                if mantissa != 0 || d != 0 { digits += 1 }
                if digits > 19 { return nil }
                mantissa = mantissa &* 10 &+ UInt64(d)
                if sawPoint { fraction += 1 }
            }
            i += 1
        }
        guard sawDigit else { return nil }
        var value: Double
        if mantissa < (1 << 53), fraction <= 22, fraction >= -22 {
            value = fraction >= 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa) * powersOfTen[-fraction]
        } else if mantissa == 0 {
            value = 0
        } else if fraction > 0, fraction <= 19 {
            value = exactQuotient(mantissa, powerOfTen(fraction))
        } else if fraction < 0, fraction >= -19 {
            value = exactProduct(mantissa, powerOfTen(-fraction))
        } else {
            return nil
        }
        return negative ? -value : value
    }

    /// 10^k as an integer, k ≤ 19.
    @inline(__always)
    static func powerOfTen(_ k: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<k { p &*= 10 }
        return p
    }

    /// `m / d`, correctly rounded (m, d > 0): a 128-by-64-bit division of the normalised
    /// operands gives 64 quotient bits, the remainder the sticky bit.
    static func exactQuotient(_ m: UInt64, _ d: UInt64) -> Double {
        let lm = m.leadingZeroBitCount, ld = d.leadingZeroBitCount
        let mn = m << UInt64(lm), dn = d << UInt64(ld)
        let q: UInt64, r: UInt64, scale: Int
        if mn < dn {
            (q, r) = dn.dividingFullWidth((high: mn, low: 0))
            scale = ld - lm - 64
        } else {
            (q, r) = dn.dividingFullWidth((high: mn >> 1, low: mn << 63))
            scale = ld - lm - 63
        }
        return rounded(q, sticky: r != 0, scale: scale)
    }

    /// `m · p`, correctly rounded, from the 128-bit product.
    static func exactProduct(_ m: UInt64, _ p: UInt64) -> Double {
        let (high, low) = m.multipliedFullWidth(by: p)
        if high == 0 { return Double(low) }
        let lz = high.leadingZeroBitCount
        let top = lz == 0 ? high : (high << UInt64(lz)) | (low >> UInt64(64 - lz))
        let sticky = (lz == 0 ? low : low << UInt64(lz)) != 0
        return rounded(top, sticky: sticky, scale: 64 - lz)
    }

    /// `q · 2^scale` rounded to 53 bits, half to even (q has its top bit set).
    static func rounded(_ q: UInt64, sticky: Bool, scale: Int) -> Double {
        var top = q >> 11
        let low = q & 0x7FF
        if low > 0x400 || (low == 0x400 && (sticky || top & 1 == 1)) { top += 1 }
        return Double(sign: .plus, exponent: scale + 11, significand: Double(top))
    }

    /// `strtod` over a terminated copy of the field.
    static func slowDouble(_ field: UnsafeRawBufferPointer) -> Double? {
        let n = field.count
        guard n > 0, n < 64, let base = field.baseAddress else { return nil }
        // strtod needs a terminator: copy into a small stack buffer.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
            raw.copyMemory(from: base, byteCount: n)
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + n else { return nil }
            if buffer[0] == CChar(UInt8(ascii: " ")) { return nil }
            return value
        }
    }

    /// `true`/`false` in lower, title or upper case.
    static func bool(_ field: UnsafeRawBufferPointer) -> Bool? {
        switch field.count {
        case 4:
            let t = (field[0] | 0x20, field[1] | 0x20, field[2] | 0x20, field[3] | 0x20)
            return t == (116, 114, 117, 101) ? true : nil
        case 5:
            let f = (field[0] | 0x20, field[1] | 0x20, field[2] | 0x20, field[3] | 0x20, field[4] | 0x20)
            return f == (102, 97, 108, 115, 101) ? false : nil
        default:
            return nil
        }
    }
}
