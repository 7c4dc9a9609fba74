import Foundation

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
        guard let base = field.baseAddress, !field.isEmpty else { return nil }
        let (value, end) = scanDouble(base.assumingMemoryBound(to: UInt8.self), 0, field.count)
        return end == field.count ? value : nil
    }

    /// Reads a plain decimal (sign, digits, point, digits, exponent) starting at `start`,
    /// stopping at the first byte that cannot continue it (at most `limit`). Returns the
    /// value, or `nil` when the text is not a plain decimal or needs `strtod` (more than 19
    /// significant digits, exponents beyond the exact paths), and where the scan stopped.
    @inline(__always)
    static func scanDouble(_ b: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> (value: Double?, end: Int) {
        var i = start, negative = false
        if i < limit, b[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if i < limit, b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0, sawDigit = false, fraction = 0
        while i < limit, b[i] == UInt8(ascii: "0") { i += 1; sawDigit = true }
        let integerStart = i
        (mantissa, i) = accumulateDigits(b, i, limit, into: mantissa)
        var digits = i - integerStart
        if i < limit, b[i] == UInt8(ascii: ".") {
            i += 1
            if mantissa == 0 {
                let zeros = i
                while i < limit, b[i] == UInt8(ascii: "0") { i += 1 }
                fraction += i - zeros
                if i > zeros { sawDigit = true }
            }
            let fractionStart = i
            while i + 8 <= limit, let eight = eightDigits(b + i) {
                mantissa = mantissa &* 100_000_000 &+ eight
                i += 8
            }
            (mantissa, i) = accumulateDigits(b, i, limit, into: mantissa)
            digits += i - fractionStart
            fraction += i - fractionStart
        }
        if digits > 0 { sawDigit = true }
        guard sawDigit else { return (nil, i) }
        if i < limit, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < limit, b[i] == UInt8(ascii: "-") { exponentNegative = true; i += 1 } else if i < limit, b[i] == UInt8(ascii: "+") { i += 1 }
            let exponentStart = i
            var exponent = 0
            while i < limit {
                let d = b[i] &- 48
                if d >= 10 { break }
                if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
                i += 1
            }
            guard i > exponentStart else { return (nil, i) }
            if exponent > 400 { return (nil, i) }
            fraction -= exponentNegative ? -exponent : exponent
        }
        if digits > 19 { return (nil, i) }
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
            return (nil, i)
        }
        return (negative ? -value : value, i)
    }

    /// Appends the decimal digits from `start` (up to the first non-digit or `limit`) to
    /// `value`, wrapping on overflow (callers bound the digit count); returns the value and
    /// the position after the digits.
    @inline(__always)
    static func accumulateDigits(_ b: UnsafePointer<UInt8>, _ start: Int, _ limit: Int, into value: UInt64) -> (UInt64, Int) {
        var i = start, value = value
        while i < limit {
            let d = b[i] &- 48
            if d >= 10 { break }
            value = value &* 10 &+ UInt64(d)
            i += 1
        }
        return (value, i)
    }

    /// The value of 8 ASCII digits at `p`, or `nil` when one of the bytes is not a digit
    /// (all eight handled at once in one 64-bit word).
    @inline(__always)
    static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        // Every byte is 0x30...0x39: its high nibble is 3, and adding 6 does not carry into it.
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        guard (word & high) | (((word &+ 0x0606_0606_0606_0606) & high) >> 4) == 0x3333_3333_3333_3333 else { return nil }
        var v = word &- 0x3030_3030_3030_3030  // byte k holds digit k (the first digit in the lowest byte)
        v = (v &* 10 &+ (v >> 8)) & 0x00FF_00FF_00FF_00FF  // pairs: 2-digit values in bytes 0, 2, 4, 6
        v = (v &* 100 &+ (v >> 16)) & 0x0000_FFFF_0000_FFFF  // quads: 4-digit values in halves
        return (v &* 10_000 &+ (v >> 32)) & 0xFFFF_FFFF
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
