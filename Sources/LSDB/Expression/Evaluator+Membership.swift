import Columnar

extension Evaluator {
    /// Whether each value equals one of `values` (numerically for numbers, byte-wise for
    /// strings). Never null: a null value is a member only when the list holds `None`, as with
    /// pandas' `isin`.
    func membership(_ datum: Datum, _ values: [Literal], _ operand: Expression) throws(QueryError) -> Truth {
        let matchesNull = values.contains(.null)
        let present = values.filter { $0 != .null }
        func mismatch(_ kind: String) -> QueryError {
            .typeMismatch("cannot look for \(kind) values in '\(operand)', which is \(datum.typeName)")
        }
        let bits: Bitmap
        let validity: Bitmap?
        switch datum {
        case .null:
            return .constant(matchesNull)
        case .numbers(.int(let v)):
            var set = Set<Int64>()
            for value in present {
                switch value {
                case .int(let i): set.insert(i)
                case .bool(let b): set.insert(b ? 1 : 0)
                case .double(let d): if let i = Int64(exactly: d) { set.insert(i) }
                case .string: throw mismatch("string")
                case .null: break
                }
            }
            (bits, validity) = members(v, set)
        case .numbers(.double(let v)):
            let set = try Set(present.map { (value: Literal) throws(QueryError) -> Double in
                guard let d = value.number else { throw mismatch("string") }
                return d
            })
            (bits, validity) = members(v, set)
        case .numbers(.float(let v)):
            let set = try Set(present.map { (value: Literal) throws(QueryError) -> Float in
                guard let d = value.number else { throw mismatch("string") }
                return Float(d)
            })
            (bits, validity) = members(v, set)
        case .truth(let truth):
            var accepted = Set<Bool>()
            for value in present {
                guard let d = value.number else { throw mismatch("string") }
                if d == 0 { accepted.insert(false) } else if d == 1 { accepted.insert(true) }
            }
            if case .constant(let b) = truth {
                return .constant(b.map { accepted.contains($0) } ?? matchesNull)
            }
            let (values, valid) = truth.expanded(count: count)
            switch (accepted.contains(true), accepted.contains(false)) {
            case (true, true): bits = Bitmap(repeating: true, count: count)
            case (true, false): bits = values
            case (false, true): bits = ~values
            case (false, false): bits = Bitmap(repeating: false, count: count)
            }
            validity = valid
        case .strings(let strings):
            var targets: [[UInt8]] = []
            for value in present {
                guard case .string(let s) = value else { throw mismatch("numeric or boolean") }
                targets.append(Array(s.utf8))
            }
            switch strings {
            case .constant(let s): return .constant(targets.contains(Array(s.utf8)))
            case .column(let column):
                let values = column.strings
                bits = values.bytes.withUnsafeBytes { bytes in
                    values.offsets.withUnsafeBufferPointer { o in
                        Bitmap.evaluating(count: count) { i in
                            let value = UnsafeRawBufferPointer(rebasing: bytes[Int(o[i])..<Int(o[i + 1])])
                            for target in targets where target.count == value.count {
                                if target.withUnsafeBytes({ $0.elementsEqual(value) }) { return true }
                            }
                            return false
                        }
                    }
                }
                validity = column.validity
            }
        }
        guard let validity else { return .bits(bits, validity: nil) }
        return .bits(matchesNull ? (bits & validity) | ~validity : bits & validity, validity: nil)
    }

    private func members<T: BitwiseCopyable & Hashable>(_ v: Vector<T>, _ set: Set<T>) -> (Bitmap, Bitmap?) {
        switch v.storage {
        case .scalar(let x): return (Bitmap(repeating: set.contains(x), count: count), nil)
        case .buffer(let b):
            let bits = b.withUnsafeBufferPointer(as: T.self) { x in
                // A short list is faster to scan than to hash into.
                if set.count <= 8 {
                    let list = Array(set)
                    return list.withUnsafeBufferPointer { list in
                        Bitmap.evaluating(count: count) { i in
                            let value = x[i]
                            for candidate in list where candidate == value { return true }
                            return false
                        }
                    }
                }
                return Bitmap.evaluating(count: count) { set.contains(x[$0]) }
            }
            return (bits, v.validity)
        }
    }
}

extension Literal {
    /// The value of a numeric or boolean constant as a `Double`.
    var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .bool(let b): b ? 1 : 0
        case .string, .null: nil
        }
    }
}
