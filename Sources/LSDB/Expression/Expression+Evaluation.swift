import Columnar

extension Expression {
    /// Evaluates the expression on every row of `table` into one column.
    ///
    /// Integer results are `int64`, floating-point results `float` or `double` (as pandas with
    /// pyarrow types computes them), conditions `bool`; a column reference alone returns that
    /// column. Nulls follow pandas: arithmetic and comparisons with null give null, `and`/`or`/
    /// `not` follow Kleene logic, and NaN produced by arithmetic becomes null.
    ///
    /// - Throws: ``QueryError`` for an unknown column (listing the available ones), operands of
    ///   the wrong types, or an arithmetic failure on a valid row.
    public func evaluate(on table: Table) throws(QueryError) -> Column {
        try Evaluator(table: table).evaluate(self).column(count: table.rowCount)
    }

    /// The rows the expression selects: set where it evaluates to true, unset where false or null
    /// (a constant selects all rows or none).
    ///
    /// - Throws: ``QueryError/notBoolean(_:)`` when the result is not boolean, and the errors of
    ///   ``evaluate(on:)``.
    public func mask(on table: Table) throws(QueryError) -> Bitmap {
        var result = try Evaluator(table: table).evaluate(self)
        if case .null = result { result = .truth(.constant(nil)) }
        guard case .truth(let truth) = result else {
            throw .notBoolean("'\(self)' evaluates to \(result.typeName), not to booleans")
        }
        switch truth {
        case .constant(let value): return Bitmap(repeating: value ?? false, count: table.rowCount)
        case .bits(let bits, let validity): return validity.map { bits & $0 } ?? bits
        }
    }
}

/// Walks an expression bottom-up, turning each node into whole columns.
struct Evaluator {
    let table: Table
    var count: Int { table.rowCount }

    /// The value of `expression`, after checking that every column it names exists.
    func evaluate(_ expression: Expression) throws(QueryError) -> Datum {
        for name in expression.referencedColumns where table[name] == nil {
            throw .unknownColumn(name, available: table.columnNames)
        }
        return try value(of: expression)
    }

    private func value(of expression: Expression) throws(QueryError) -> Datum {
        switch expression {
        case .column(let name):
            guard let column = table[name] else { throw .unknownColumn(name, available: table.columnNames) }
            return try Datum(column: column, name: name)
        case .literal(let literal):
            return Datum(literal: literal)
        case .negate(let operand):
            return try negate(value(of: operand), operand)
        case .not(let operand):
            return .truth(Kernels.not(try truth(operand, for: "not")))
        case .and(let l, let r):
            return .truth(Kernels.kleene(try truth(l, for: "and"), try truth(r, for: "and"), isAnd: true, count: count))
        case .or(let l, let r):
            return .truth(Kernels.kleene(try truth(l, for: "or"), try truth(r, for: "or"), isAnd: false, count: count))
        case .arithmetic(let op, let l, let r):
            return try arithmetic(op, value(of: l), value(of: r), expression)
        case .comparison(let op, let l, let r):
            return .truth(try compare(op, value(of: l), value(of: r), l, r))
        case .membership(let operand, let values, let negated):
            let member = try membership(value(of: operand), values, operand)
            return .truth(negated ? Kernels.not(member) : member)
        case .nullTest(let operand, let isNull):
            return .truth(nullTest(try value(of: operand), isNull: isNull))
        }
    }

    /// The operand as booleans; `None` counts as a null boolean.
    private func truth(_ operand: Expression, for op: String) throws(QueryError) -> Truth {
        switch try value(of: operand) {
        case .truth(let t): return t
        case .null: return .constant(nil)
        case let other:
            throw .typeMismatch("'\(op)' needs boolean operands, but '\(operand)' is \(other.typeName)")
        }
    }

    private func negate(_ datum: Datum, _ operand: Expression) throws(QueryError) -> Datum {
        switch datum {
        case .numbers(.int(let v)):
            let result = Kernels.binary(v, Vector<Int64>(scalar: 0), count: count) { x, _ in
                let (r, overflow) = Int64(0).subtractingReportingOverflow(x)
                return (r, overflow)
            }
            switch result {
            case .success(let r): return .numbers(.int(r))
            case .failure(let f): throw .arithmetic("negating '\(operand)' overflows int64 at row \(f.row)")
            }
        case .numbers(.float(let v)): return .numbers(.float(v.map(count: count) { -$0 }))
        case .numbers(.double(let v)): return .numbers(.double(v.map(count: count) { -$0 }))
        case .null: return .null
        case let other: throw .typeMismatch("cannot negate '\(operand)', which is \(other.typeName)")
        }
    }

    private func nullTest(_ datum: Datum, isNull: Bool) -> Truth {
        let validity: Bitmap?
        switch datum {
        case .null: return .constant(isNull)
        case .numbers(let n): validity = n.validity
        case .truth(.constant(let v)): return .constant((v == nil) == isNull)
        case .truth(.bits(_, let v)): validity = v
        case .strings(.constant): return .constant(!isNull)
        case .strings(.column(let c)): validity = c.validity
        }
        guard let validity else { return .constant(!isNull) }
        return .bits(isNull ? ~validity : validity, validity: nil)
    }
}
