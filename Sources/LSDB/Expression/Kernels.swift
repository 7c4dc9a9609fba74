import Columnar

/// Whole-column loops behind evaluation. Each takes contiguous buffers (or a constant) and runs
/// one tight loop; the operation is a closure the compiler inlines into the loop.
enum Kernels {
    /// Applies `operation` row by row to two operands of `count` rows.
    ///
    /// `operation` returns the value and whether the row fails (overflow, division by zero).
    /// Failures count only on rows where both operands are valid; the first such row is returned
    /// instead of a result.
    @inline(__always)
    static func binary<A: BitwiseCopyable, B: BitwiseCopyable, R: BitwiseCopyable>(
        _ a: Vector<A>, _ b: Vector<B>, count: Int, _ operation: (A, B) -> (R, Bool)
    ) -> Result<Vector<R>, FailedRow> {
        let validity = combinedValidity(a.validity, b.validity)
        var failed = false
        let result: Vector<R>
        switch (a.storage, b.storage) {
        case (.scalar(let x), .scalar(let y)):
            let (value, bad) = operation(x, y)
            if bad { return .failure(FailedRow(row: 0)) }
            return .success(Vector(scalar: value))
        case (.buffer(let xb), .scalar(let y)):
            let out = xb.withUnsafeBufferPointer(as: A.self) { x in
                Buffer(unsafeUninitializedCapacity: count, of: R.self) { out, n in
                    for i in 0..<count {
                        let (value, bad) = operation(x[i], y)
                        out[i] = value
                        failed = failed || bad
                    }
                    n = count
                }
            }
            result = Vector(out, validity: validity)
        case (.scalar(let x), .buffer(let yb)):
            let out = yb.withUnsafeBufferPointer(as: B.self) { y in
                Buffer(unsafeUninitializedCapacity: count, of: R.self) { out, n in
                    for i in 0..<count {
                        let (value, bad) = operation(x, y[i])
                        out[i] = value
                        failed = failed || bad
                    }
                    n = count
                }
            }
            result = Vector(out, validity: validity)
        case (.buffer(let xb), .buffer(let yb)):
            let out = xb.withUnsafeBufferPointer(as: A.self) { x in
                yb.withUnsafeBufferPointer(as: B.self) { y in
                    Buffer(unsafeUninitializedCapacity: count, of: R.self) { out, n in
                        for i in 0..<count {
                            let (value, bad) = operation(x[i], y[i])
                            out[i] = value
                            failed = failed || bad
                        }
                        n = count
                    }
                }
            }
            result = Vector(out, validity: validity)
        }
        if failed {
            for row in 0..<count where validity?[row] ?? true {
                if operation(a.element(row), b.element(row)).1 { return .failure(FailedRow(row: row)) }
            }
        }
        return .success(result)
    }

    /// Marks NaN results null, as pandas does after arithmetic on pyarrow floats.
    static func nanAsNull<T: BinaryFloatingPoint & BitwiseCopyable>(_ v: Vector<T>, count: Int) -> Vector<T> {
        switch v.storage {
        case .scalar: return v
        case .buffer(let b):
            let notNaN = b.withUnsafeBufferPointer(as: T.self) { x in Bitmap.evaluating(count: count) { !x[$0].isNaN } }
            if notNaN.allSet { return v }
            return Vector(b, validity: combinedValidity(v.validity, notNaN))
        }
    }

    /// Evaluates `predicate` row by row into booleans that are null where either operand is.
    @inline(__always)
    static func compare<T: BitwiseCopyable>(_ a: Vector<T>, _ b: Vector<T>, count: Int,
                                            _ predicate: (T, T) -> Bool) -> Truth {
        let validity = combinedValidity(a.validity, b.validity)
        switch (a.storage, b.storage) {
        case (.scalar(let x), .scalar(let y)):
            return .constant(predicate(x, y))
        case (.buffer(let xb), .scalar(let y)):
            let bits = xb.withUnsafeBufferPointer(as: T.self) { x in Bitmap.evaluating(count: count) { predicate(x[$0], y) } }
            return .bits(bits, validity: validity)
        case (.scalar(let x), .buffer(let yb)):
            let bits = yb.withUnsafeBufferPointer(as: T.self) { y in Bitmap.evaluating(count: count) { predicate(x, y[$0]) } }
            return .bits(bits, validity: validity)
        case (.buffer(let xb), .buffer(let yb)):
            let bits = xb.withUnsafeBufferPointer(as: T.self) { x in
                yb.withUnsafeBufferPointer(as: T.self) { y in Bitmap.evaluating(count: count) { predicate(x[$0], y[$0]) } }
            }
            return .bits(bits, validity: validity)
        }
    }

    /// Compares with `op` using `T`'s ordering (IEEE rules for floats: NaN is unordered).
    static func compare<T: BitwiseCopyable & Comparable>(_ op: ComparisonOperator, _ a: Vector<T>, _ b: Vector<T>,
                                                         count: Int) -> Truth {
        // Column against constant, the common case, in loops with the operator inlined.
        if case .buffer(let xb) = a.storage, case .scalar(let y) = b.storage {
            let bits = xb.withUnsafeBufferPointer(as: T.self) { x in compareScalar(op, x, y, count: count) }
            return .bits(bits, validity: a.validity)
        }
        if case .scalar(let x) = a.storage, case .buffer(let yb) = b.storage {
            let bits = yb.withUnsafeBufferPointer(as: T.self) { y in compareScalar(op.swapped, y, x, count: count) }
            return .bits(bits, validity: b.validity)
        }
        return switch op {
        case .equal: compare(a, b, count: count) { $0 == $1 }
        case .notEqual: compare(a, b, count: count) { $0 != $1 }
        case .less: compare(a, b, count: count) { $0 < $1 }
        case .lessOrEqual: compare(a, b, count: count) { $0 <= $1 }
        case .greater: compare(a, b, count: count) { $0 > $1 }
        case .greaterOrEqual: compare(a, b, count: count) { $0 >= $1 }
        }
    }

    /// Kleene `and` (`isAnd`) or `or` of two boolean operands.
    static func kleene(_ a: Truth, _ b: Truth, isAnd: Bool, count: Int) -> Truth {
        if case .constant(let x) = a, case .constant(let y) = b {
            switch (x, y) {
            case (let x?, let y?): return .constant(isAnd ? x && y : x || y)
            case (false, _), (_, false): return .constant(isAnd ? false : nil)
            default: return .constant(isAnd ? nil : true)
            }
        }
        let (av, aValid) = a.expanded(count: count)
        let (bv, bValid) = b.expanded(count: count)
        let bits = isAnd ? av & bv : av | bv
        if aValid == nil && bValid == nil { return .bits(bits, validity: nil) }
        let byteCount = (count + 7) / 8
        let validity = av.buffer.withUnsafeBytes { x in
            bv.buffer.withUnsafeBytes { y in
                withOptionalBytes(aValid) { xValid in
                    withOptionalBytes(bValid) { yValid in
                        Bitmap(count: count) { out in
                            for i in 0..<byteCount {
                                let va = xValid?[i] ?? 0xFF, vb = yValid?[i] ?? 0xFF
                                // A known false (for and) or known true (for or) decides alone.
                                let da = isAnd ? ~x[i] : x[i], db = isAnd ? ~y[i] : y[i]
                                out[i] = (va & vb) | (va & da) | (vb & db)
                            }
                        }
                    }
                }
            }
        }
        return .bits(bits, validity: validity)
    }

    /// Kleene `not`: flips the bits, keeps the nulls.
    static func not(_ a: Truth) -> Truth {
        switch a {
        case .constant(let x): .constant(x.map { !$0 })
        case .bits(let bits, let validity): .bits(~bits, validity: validity)
        }
    }

    private static func withOptionalBytes<R>(_ bitmap: Bitmap?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bitmap else { return body(nil) }
        return bitmap.buffer.withUnsafeBytes { body($0) }
    }

    /// `x[i] op y` for every row, one specialised loop per operator.
    @inline(__always)
    static func compareScalar<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafeBufferPointer<T>, _ y: T,
                                             count: Int) -> Bitmap {
        switch op {
        case .equal: return Bitmap.evaluating(count: count) { x[$0] == y }
        case .notEqual: return Bitmap.evaluating(count: count) { x[$0] != y }
        case .less: return Bitmap.evaluating(count: count) { x[$0] < y }
        case .lessOrEqual: return Bitmap.evaluating(count: count) { x[$0] <= y }
        case .greater: return Bitmap.evaluating(count: count) { x[$0] > y }
        case .greaterOrEqual: return Bitmap.evaluating(count: count) { x[$0] >= y }
        }
    }
}

/// The first valid row on which an arithmetic kernel failed.
struct FailedRow: Error {
    let row: Int
}
