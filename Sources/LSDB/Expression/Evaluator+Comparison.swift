import Columnar

extension Evaluator {
    /// `l op r`: numbers compare as `int64` when both are integers and as `double` otherwise;
    /// booleans compare as 0 and 1; strings compare byte by byte and only with strings.
    ///
    /// As pandas rewrites `column == 'text'` to `column in ['text']`, `==` and `!=` between a
    /// string column and a string constant are never null: a null is unequal to the constant.
    func compare(_ op: ComparisonOperator, _ l: Datum, _ r: Datum,
                 _ left: Expression, _ right: Expression) throws(QueryError) -> Truth {
        switch (l, r) {
        case (.null, _), (_, .null):
            return .constant(nil)
        case (.strings(let a), .strings(let b)):
            return compareStrings(op, a, b)
        case (.strings, _), (_, .strings):
            let (text, other, otherValue) = l.isString ? (left, right, r) : (right, left, l)
            throw .typeMismatch("cannot compare string '\(text)' with '\(other)', which is \(otherValue.typeName)")
        default:
            break
        }
        let a = try numbersForComparison(l), b = try numbersForComparison(r)
        if case .int(let x) = a, case .int(let y) = b {
            return Kernels.compare(op, x, y, count: count)
        }
        return Kernels.compare(op, a.doubles(count: count), b.doubles(count: count), count: count)
    }

    private func numbersForComparison(_ datum: Datum) throws(QueryError) -> Numbers {
        switch datum {
        case .numbers(let n): return n
        case .truth(.constant(let v?)): return .int(Vector(scalar: v ? 1 : 0))
        case .truth(.bits(let bits, let validity)):
            let values = bits.buffer.withUnsafeBytes { raw in
                Buffer(unsafeUninitializedCapacity: count, of: Int64.self) { out, n in
                    for i in 0..<count { out[i] = Int64((raw[i >> 3] >> UInt8(i & 7)) & 1) }
                    n = count
                }
            }
            return .int(Vector(values, validity: validity))
        default:
            preconditionFailure("null and string operands are handled before")
        }
    }

    private func compareStrings(_ op: ComparisonOperator, _ a: Strings, _ b: Strings) -> Truth {
        switch (a, b) {
        case (.constant(let x), .constant(let y)):
            return .constant(Evaluator.holds(op, Evaluator.order(Array(x.utf8), Array(y.utf8))))
        case (.column(let column), .constant(let text)):
            return compareStrings(op, column, text)
        case (.constant(let text), .column(let column)):
            return compareStrings(op.swapped, column, text)
        case (.column(let x), .column(let y)):
            let sx = x.strings, sy = y.strings
            let bits = sx.bytes.withUnsafeBytes { bx in
                sy.bytes.withUnsafeBytes { by in
                    sx.offsets.withUnsafeBufferPointer { ox in
                        sy.offsets.withUnsafeBufferPointer { oy in
                            Bitmap.evaluating(count: count) { i in
                                let left = UnsafeRawBufferPointer(rebasing: bx[Int(ox[i])..<Int(ox[i + 1])])
                                let right = UnsafeRawBufferPointer(rebasing: by[Int(oy[i])..<Int(oy[i + 1])])
                                return Evaluator.holds(op, Evaluator.order(left, right))
                            }
                        }
                    }
                }
            }
            return .bits(bits, validity: combinedValidity(x.validity, y.validity))
        }
    }

    private func compareStrings(_ op: ComparisonOperator, _ column: Column, _ text: String) -> Truth {
        let target = Array(text.utf8)
        let values = column.strings
        let bits = target.withUnsafeBytes { t in
            values.bytes.withUnsafeBytes { bytes in
                values.offsets.withUnsafeBufferPointer { o in
                    Bitmap.evaluating(count: count) { i in
                        Evaluator.holds(op, Evaluator.order(UnsafeRawBufferPointer(rebasing: bytes[Int(o[i])..<Int(o[i + 1])]), t))
                    }
                }
            }
        }
        switch op {
        case .equal: return .bits(column.validity.map { bits & $0 } ?? bits, validity: nil)
        case .notEqual: return .bits(column.validity.map { bits | ~$0 } ?? bits, validity: nil)
        default: return .bits(bits, validity: column.validity)
        }
    }

    /// Byte-wise order of two strings: negative, zero or positive.
    @inline(__always)
    static func order<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Int {
        var i = a.startIndex, j = b.startIndex
        while i != a.endIndex && j != b.endIndex {
            let x = a[i], y = b[j]
            if x != y { return x < y ? -1 : 1 }
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        }
        return (i == a.endIndex ? 0 : 1) - (j == b.endIndex ? 0 : 1)
    }

    @inline(__always)
    static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }
}

extension Datum {
    var isString: Bool {
        if case .strings = self { return true }
        return false
    }
}
