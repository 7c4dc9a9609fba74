/// A query expression over the columns of a table, as pandas' `DataFrame.query` understands it.
///
/// Build one by parsing a query string (``init(parsing:)``) or with the typed Swift API
/// (`Expression.column("teff") > 5380 && .column("logg") < 4.72`); evaluate it on a
/// `Columnar.Table` with ``evaluate(on:)``, ``mask(on:)`` or `Table.filter(_:)`.
/// `description` prints the expression back as a pandas query string.
///
/// Semantics follow pandas with pyarrow-backed dtypes: a comparison with null is null,
/// `and`/`or`/`not` follow Kleene logic, and a row is selected only where the result is true.
public indirect enum Expression: Sendable, Hashable {
    /// The column with this name.
    case column(String)
    /// A constant.
    case literal(Literal)
    /// Arithmetic negation (`-x`).
    case negate(Expression)
    /// Logical negation (`not x`, `~x`), null where the operand is null.
    case not(Expression)
    /// An arithmetic operation.
    case arithmetic(ArithmeticOperator, Expression, Expression)
    /// A comparison; null where either side is null.
    case comparison(ComparisonOperator, Expression, Expression)
    /// Kleene conjunction (`and`, `&`).
    case and(Expression, Expression)
    /// Kleene disjunction (`or`, `|`).
    case or(Expression, Expression)
    /// Membership in a list of constants (`x in [1, 2]`), or its negation (`not in`).
    ///
    /// Never null: a null value is a member only when the list holds `None`.
    case membership(Expression, [Literal], negated: Bool)
    /// Whether the value is null (`x.isna()`), or not (`x.notna()`). NaN is not null.
    case nullTest(Expression, isNull: Bool)
}

/// Another name for ``Expression``, for code that also imports a module with its own
/// `Expression` type (Foundation on recent Apple platforms has one).
public typealias QueryExpression = Expression

/// A constant in an expression.
public enum Literal: Sendable, Hashable {
    /// A 64-bit integer.
    case int(Int64)
    /// A 64-bit float.
    case double(Double)
    /// A string, compared byte by byte.
    case string(String)
    /// `True` or `False`.
    case bool(Bool)
    /// `None`: a null of no particular type.
    case null
}

/// An arithmetic operator, with Python's meaning.
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
    /// `+`.
    case add = "+"
    /// `-`.
    case subtract = "-"
    /// `*`.
    case multiply = "*"
    /// True division `/`: always floating point.
    case divide = "/"
    /// Floor division `//`, rounding toward negative infinity.
    case floorDivide = "//"
    /// The remainder `%` of floor division; it has the sign of the divisor.
    case modulo = "%"
    /// Exponentiation `**`.
    case power = "**"
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    /// `==`.
    case equal = "=="
    /// `!=`.
    case notEqual = "!="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `>`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="

    /// The operator that gives the same result with the operands swapped (`<` for `>`).
    public var swapped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}

extension Expression {
    /// The names of all columns the expression reads.
    public var referencedColumns: Set<String> {
        var names = Set<String>()
        collectColumns(into: &names)
        return names
    }

    private func collectColumns(into names: inout Set<String>) {
        switch self {
        case .column(let name): names.insert(name)
        case .literal: break
        case .negate(let e), .not(let e), .membership(let e, _, _), .nullTest(let e, _):
            e.collectColumns(into: &names)
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
            l.collectColumns(into: &names)
            r.collectColumns(into: &names)
        }
    }
}
