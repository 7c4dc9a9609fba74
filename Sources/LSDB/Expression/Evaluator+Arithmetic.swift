#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Evaluator {
    /// `l op r` on numbers, in the type pandas with pyarrow types computes in: `int64` for two
    /// integers (checked for overflow; `/` gives `double`), `float` for `float` with `float` or an
    /// integer, `double` otherwise. NaN results become null.
    func arithmetic(_ op: ArithmeticOperator, _ l: Datum, _ r: Datum, _ node: Expression) throws(QueryError) -> Datum {
        guard case .arithmetic(_, let left, let right) = node else { preconditionFailure("not an arithmetic node") }
        let a: Numbers, b: Numbers
        switch (l, r) {
        case (.numbers(let x), .numbers(let y)): (a, b) = (x, y)
        case (.null, .numbers), (.numbers, .null), (.null, .null): return .null
        default:
            let culprit = l.isNumeric ? (right, r) : (left, l)
            throw .typeMismatch("cannot apply '\(op.rawValue)' to '\(culprit.0)', which is \(culprit.1.typeName)")
        }
        switch (a, b) {
        case (.int(let x), .int(let y)) where op != .divide:
            return .numbers(.int(try integer(op, x, y, node)))
        case (.double, _), (_, .double), (.int, .int):
            return .numbers(.double(Kernels.nanAsNull(floating(op, a.doubles(count: count), b.doubles(count: count)), count: count)))
        default:
            return .numbers(.float(Kernels.nanAsNull(floating(op, a.floats(count: count), b.floats(count: count)), count: count)))
        }
    }

    private func integer(_ op: ArithmeticOperator, _ x: Vector<Int64>, _ y: Vector<Int64>,
                         _ node: Expression) throws(QueryError) -> Vector<Int64> {
        let result: Result<Vector<Int64>, FailedRow>
        let failure: String
        switch op {
        case .add:
            result = Kernels.binary(x, y, count: count) { $0.addingReportingOverflow($1) }
            failure = "overflows int64"
        case .subtract:
            result = Kernels.binary(x, y, count: count) { $0.subtractingReportingOverflow($1) }
            failure = "overflows int64"
        case .multiply:
            result = Kernels.binary(x, y, count: count) { $0.multipliedReportingOverflow(by: $1) }
            failure = "overflows int64"
        case .floorDivide:
            result = Kernels.binary(x, y, count: count) { a, b in
                if b == 0 || (b == -1 && a == .min) { return (0, true) }
                let q = a / b
                return ((a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q, false)
            }
            failure = "divides by zero or overflows int64"
        case .modulo:
            result = Kernels.binary(x, y, count: count) { a, b in
                if b == 0 { return (0, true) }
                if b == -1 { return (0, false) }
                let m = a % b
                return (m != 0 && ((m < 0) != (b < 0)) ? m + b : m, false)
            }
            failure = "takes a remainder of division by zero"
        case .power:
            result = Kernels.binary(x, y, count: count) { Evaluator.power($0, $1) }
            failure = "overflows int64 or raises an integer to a negative integer power"
        case .divide:
            preconditionFailure("true division is floating point")
        }
        switch result {
        case .success(let v): return v
        case .failure(let f): throw .arithmetic("'\(node)' \(failure) at row \(f.row)")
        }
    }

    /// `base ** exponent` by squaring, failing on overflow or a negative exponent.
    private static func power(_ base: Int64, _ exponent: Int64) -> (Int64, Bool) {
        if exponent < 0 { return (0, true) }
        var result: Int64 = 1, b = base, e = exponent
        var overflow = false
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                result = r
                overflow = overflow || o
            }
            e >>= 1
            if e > 0 {
                let (s, o) = b.multipliedReportingOverflow(by: b)
                b = s
                overflow = overflow || o
            }
        }
        return (result, overflow)
    }

    private func floating<T: BinaryFloatingPoint & BitwiseCopyable & RealPower>(
        _ op: ArithmeticOperator, _ x: Vector<T>, _ y: Vector<T>
    ) -> Vector<T> {
        let result: Result<Vector<T>, FailedRow>
        switch op {
        case .add: result = Kernels.binary(x, y, count: count) { ($0 + $1, false) }
        case .subtract: result = Kernels.binary(x, y, count: count) { ($0 - $1, false) }
        case .multiply: result = Kernels.binary(x, y, count: count) { ($0 * $1, false) }
        case .divide: result = Kernels.binary(x, y, count: count) { ($0 / $1, false) }
        case .floorDivide: result = Kernels.binary(x, y, count: count) { (($0 / $1).rounded(.down), false) }
        case .modulo:
            result = Kernels.binary(x, y, count: count) { a, b in
                var m = a.truncatingRemainder(dividingBy: b)
                if m != 0 {
                    if (m < 0) != (b < 0) { m += b }
                } else {
                    m = T(signOf: b, magnitudeOf: 0)
                }
                return (m, false)
            }
        case .power: result = Kernels.binary(x, y, count: count) { (T.power($0, $1), false) }
        }
        switch result {
        case .success(let v): return v
        case .failure: preconditionFailure("floating-point arithmetic does not fail")
        }
    }
}

/// Floating-point types with the C library's `pow`.
protocol RealPower {
    static func power(_ base: Self, _ exponent: Self) -> Self
}

extension Double: RealPower {
    static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}

extension Float: RealPower {
    static func power(_ base: Float, _ exponent: Float) -> Float { powf(base, exponent) }
}

extension Datum {
    var isNumeric: Bool {
        if case .numbers = self { return true }
        return false
    }
}
